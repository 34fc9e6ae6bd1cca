# نصوص تطبيق ميونخ باللغة العربية.
#
# MACHINE-MADE TRANSLATION: written from the German and English texts by an
# AI model during development. Not yet checked by a speaker of Arabic; it
# must be reviewed before a release. Corrections go straight into this file.
# The page is laid out right to left when this language is chosen.

## app

skip-to-content = انتقل إلى المحتوى
munich-app = تطبيق ميونخ
areas = الأقسام
area-short-hotspots = واي فاي
area-short-report = إبلاغ
area-short-finders = البحث
area-short-notices = الإشعارات
area-short-personal = مساحتي
main-navigation = التنقل الرئيسي
end-session = إنهاء الجلسة
start-page = الصفحة الرئيسية
open-source-software-of-the-city = برنامج مفتوح المصدر لمدينة ميونخ.

## areas/hotspots

loading = جارٍ التحميل …

## kiosk

are-you-still-there = هل ما زلت هنا؟
keep-using = متابعة الاستخدام
end-session-now = إنهاء الجلسة الآن
device-locked = الجهاز مقفل
for-the-team = للفريق:{" "}
delete-again = الحذف مرة أخرى

## map

move-the-map-until-the-cross = حرّك الخريطة حتى تقع علامة التقاطع على المكان: بمفاتيح الأسهم أو بالأزرار أو بالسحب أو باللمس. + و − للتكبير والتصغير.
map = خريطة
map-to-choose-the-place = خريطة لاختيار المكان
the-map-cannot-be-reached-right = لا يمكن الوصول إلى الخريطة الآن. يرجى كتابة المكان بدلاً من ذلك.
move-map-north = تحريك الخريطة شمالاً
move-map-west = تحريك الخريطة غرباً
move-map-east = تحريك الخريطة شرقاً
move-map-south = تحريك الخريطة جنوباً
zoom-in = تكبير
zoom-out = تصغير
map-data-openstreetmap-contributors-odbl = بيانات الخريطة © مساهمو OpenStreetMap ‏(ODbL)
use-this-point = استخدام هذه النقطة
close-map = إغلاق الخريطة

## pages/finders

loading-the-directory = جارٍ تحميل الدليل …
the-directory-could-not-be-loaded = تعذّر تحميل الدليل.
reload = إعادة التحميل
offline-saved-directory = دون اتصال: الدليل المحفوظ
your-favourites = مفضلاتك
search-portals = بوابات البحث
nothing-found-try-another-word-for = لم يُعثر على شيء. جرّب كلمة أخرى، مثل «حضانة» أو «رعاية» أو «طبيب»، أو أزل أحد المرشحات.
capacity-finders = البحث عن أماكن ومواعيد
find-free-places-and-appointments-the = ابحث عن أماكن ومواعيد متاحة: بوابات البحث التابعة للمدينة وشركائها لرعاية الأطفال والرعاية والقابلات ومواعيد الأطباء والسكن وغيرها – في مكان واحد.
what-are-you-looking-for = عمّ تبحث؟
for-example-childcare-nursing-home-midwife = مثلاً: حضانة، دار رعاية، قابلة، موعد طبيب
topic = الموضوع
all-topics = كل المواضيع
for-whom = لمن؟
everyone = الجميع
requires-an-account-with-the-provider = يتطلب حساباً لدى مقدّم الخدمة
open-website = فتح الموقع الإلكتروني
favourite = ★ في المفضلة
add-to-favourites = ☆ إضافة إلى المفضلة

## pages/home

coming-soon = قريباً
welcome-to-the-munich-app = مرحباً بك في تطبيق ميونخ
services-of-the-city-of-munich = خدمات مدينة ميونخ في مكان واحد. اختر قسماً.
free-wi-fi-m-wlan = واي فاي مجاني (M-WLAN)
find-the-city-s-free-wi = اعثر على نقاط الواي فاي المجانية التابعة للمدينة بالقرب منك.
report-an-issue = الإبلاغ عن مشكلة
report-damage-and-problems-in-the = أبلغ عن الأضرار والمشاكل في المدينة وتابعها.
childcare-care-midwives-doctors-the-search = رعاية الأطفال، الرعاية، القابلات، الأطباء: بوابات البحث في مكان واحد.
notifications = الإشعارات
what-happened-with-your-reports = ماذا حدث لبلاغاتك.
personal-area = المنطقة الشخصية
sign-in-with-m-login-or = سجّل الدخول عبر M-Login أو BayernID، وستجد بلاغاتك على كل أجهزتك.

## pages/hotspot_detail

offline-saved-data = دون اتصال: بيانات محفوظة.
address = العنوان
kind-of-site = نوع المكان
wi-fi-access-points = نقاط الوصول للواي فاي
distance = المسافة
network-name = اسم الشبكة
coordinates = الإحداثيات
open-in-map-openstreetmap = فتح في الخريطة (OpenStreetMap)
back-to-the-list = العودة إلى القائمة
the-map-opens-in-your-web = تُفتح الخريطة في متصفح الويب لديك.

## pages/hotspots

find-free-wi-fi = البحث عن واي فاي مجاني
m-wlan-is-the-city-of = M-WLAN هي شبكة الواي فاي المجانية لمدينة ميونخ – دون تسجيل. اختر موقعك لترى أقرب النقاط.
loading-sites = جارٍ تحميل الأماكن …
the-sites-could-not-be-loaded = تعذّر تحميل الأماكن.
no-sites-are-stored-on-this = لا توجد أماكن محفوظة على هذا الجهاز بعد.
refresh = تحديث
offline-saved-data-2 = دون اتصال: بيانات محفوظة
no-position-chosen-yet = لم يُختر موقع بعد.
position = الموقع
use-my-location = استخدام موقعي
enter-a-place-or-district = إدخال مكان أو حيّ
finding-your-location = جارٍ تحديد موقعك …
your-device-does-not-share-a = جهازك لا يشارك الموقع. يرجى كتابة مكان أو اختيار حيّ.
place-address-or-coordinates = مكان أو عنوان أو إحداثيات
for-example-marienplatz-sendlinger-tor-or = مثلاً: Marienplatz أو Sendlinger Tor أو 48.137, 11.575
apply = تطبيق
we-do-not-know-this-place = لا نعرف هذا المكان. جرّب ساحة أو شارعاً من القائمة أو حيّاً أو إحداثيات.
or-choose-a-district = أو اختر حيّاً
district = – الحيّ –
no-sites = لا توجد أماكن
all = الكل

## pages/my_data

unknown = غير معروف
fetching-your-data = جارٍ جلب بياناتك …
deleting-your-account = جارٍ حذف حسابك …
really-delete-your-account-the-portal = هل تريد حقاً حذف حسابك؟ ينسى البوابة حسابك وكل بيانات الاتصال. تبقى بلاغاتك لدى المدينة، لكن دون اسمك وبيانات الاتصال والحساب. لا يمكن التراجع عن ذلك.
yes-delete-my-account = نعم، احذف حسابي
no-keep-it = لا، أبقِه
for-that-you-sign-in-once = لذلك تسجّل الدخول مرة أخرى، مثلاً بشهادة ELSTER أو ببطاقة الهوية الإلكترونية. ثم يتابع الأمر فوراً.
sign-in-again-at-the-higher = تسجيل الدخول مجدداً بمستوى أعلى
please-sign-in-in-your-browser = يرجى تسجيل الدخول في المتصفح. التطبيق ينتظر …
cancel = إلغاء
my-data = بياناتي
everything-the-portal-holds-about-you = كل ما تحفظه البوابة عنك، في ملف (JSON): بلاغاتك مع بيانات الاتصال التي قدّمتها معها، ومفضلاتك، وملفك الشخصي، وموافقاتك.
download-my-data = تنزيل بياناتي
delete-my-account = حذف حسابي …

## pages/my_reports

loading-reports = جارٍ تحميل البلاغات …
nothing-has-been-reported-from-this = لم يُبلَّغ عن شيء من هذا الجهاز بعد.
waiting-to-be-sent-it-goes = بانتظار الإرسال – يُرسل تلقائياً فور الوصول إلى الخادم.
sent-status-cannot-be-fetched-right = أُرسل (لا يمكن جلب الحالة الآن)
status = الحالة:{" "}
from-your-account-sent-on-another = من حسابك – أُرسل من جهاز آخر.
reported-by-someone-else-you-said = أبلغ عنه شخص آخر – قلت «أنا متأثر أيضاً».
what-you-entered-and-your-photos = ما أدخلته وصورك محفوظة. يمكنك تصحيح البلاغ وإرساله مرة أخرى.
correct-and-send-again = التصحيح والإرسال مرة أخرى
history = السجل
my-reports = بلاغاتي
new-report = بلاغ جديد

## pages/notices

no-new-notifications = لا توجد إشعارات جديدة.
not-yet-with-the-portal-sent = لم يصل إلى البوابة بعد: يُرسل فور ردّها.
show = عرض
this-is-where-you-hear-when = هنا تعرف متى تتغير حالة أحد بلاغاتك – بما فيها البلاغات التي قلت فيها «أنا متأثر أيضاً» – وما تعلنه المدينة عن المواضيع والأحياء التي تختارها أدناه.
no-notifications-on-this-topic = لا توجد إشعارات حول هذا الموضوع.
new = جديد
open = فتح
mark-as-unread = وضع علامة غير مقروء
mark-as-read = وضع علامة مقروء
delete = حذف
mark-all-as-read = وضع علامة مقروء على الكل
settings = الإعدادات
also-show-as-a-desktop-notification = العرض أيضاً كإشعار على سطح المكتب أثناء تشغيل التطبيق
topics-you-want-to-hear-about = المواضيع التي تريد معرفة أخبارها
news-of-your-own-reports-always = أخبار بلاغاتك تصلك دائماً.
districts-all-of-munich = الأحياء: كل ميونخ
only-from-these-districts-none-chosen = من هذه الأحياء فقط (إن لم تختر شيئاً: كل ميونخ)
quiet-hours = ساعات الهدوء
no-desktop-notification-in-these-hours = لا إشعارات على سطح المكتب في هذه الساعات (تبقى الإشعارات هنا)
from-2 = من
until = إلى

## pages/personal

pin-this-area = تثبيت هذا القسم
wi-fi-site = نقطة واي فاي
capacity-finder = البحث عن أماكن ومواعيد
report-category = فئة البلاغ
area = قسم
kept-on-this-device-only-sign = محفوظة على هذا الجهاز فقط. سجّل الدخول لتكون مفضلاتك على كل أجهزتك.
in-step-with-your-account-the = متزامنة مع حسابك: نفسها على كل أجهزتك.
signing-in-is-not-set-up = تسجيل الدخول غير مُعدّ على هذا الجهاز. كل ما عدا ذلك يعمل دون تسجيل الدخول.
signed-in = تم تسجيل الدخول
unknown-the-portal-could-not-be = غير معروف (تعذّر الوصول إلى البوابة عند تسجيل دخولك)
reports-you-send-while-signed-in = البلاغات التي ترسلها أثناء تسجيل الدخول تنتمي إلى حسابك: تراها في «بلاغاتي» على أجهزتك الأخرى أيضاً.
sign-out = تسجيل الخروج
sign-in = تسجيل الدخول
with-your-account-m-login-or = بحسابك (M-Login أو BayernID) ترى بلاغاتك على كل أجهزتك. الإبلاغ ممكن أيضاً دون تسجيل الدخول.
where-a-higher-level-is-needed = حيث يلزم مستوى أعلى، يسألك التطبيق عندما تصل إلى ذلك.
sign-in-in-the-browser = تسجيل الدخول في المتصفح
none-yet-with-the-star-you = لا شيء بعد. بالنجمة تحفظ نقاط الواي فاي وبوابات البحث وفئات البلاغات، وبزر «تثبيت هذا القسم» أقساماً كاملة من التطبيق.
no-longer-available = لم يعد متاحاً
remove-from-favourites = إزالة من المفضلة
remove = إزالة
to-the-capacity-finders = إلى البحث عن أماكن ومواعيد

## pages/profile

loading-the-profile = جارٍ تحميل الملف الشخصي …
my-profile = ملفي الشخصي
give-it-once-use-it-later = أدخلها مرة واحدة واستخدمها لاحقاً: تعرض النماذج هذه البيانات، وأنت تقرر في كل مرة.
consent-revoked-your-profile-is-deleted = سُحبت الموافقة؛ حُذف ملفك الشخصي.
your-profile-is-saved = حُفظ ملفك الشخصي.
first-name = الاسم الأول
last-name = اسم العائلة
e-mail-address = عنوان البريد الإلكتروني
postal-address = العنوان البريدي
preferred-language = اللغة المفضلة
not-given = غير مذكور
save-profile = حفظ الملف الشخصي
revoke-consent-and-delete-the-profile = سحب الموافقة وحذف الملف الشخصي

## pages/report/choose

reports-in-progress = بلاغات قيد الكتابة
kept-on-this-device-not-sent = محفوظة على هذا الجهاز، لم تُرسل بعد.
saved = حُفظ
delete-draft = حذف المسودة؟
really-delete = هل تريد الحذف حقاً؟
yes-delete = نعم، احذف
keep = إبقاء
continue = متابعة
what-is-broken-or-in-the = ما المعطّل أو المزعج؟ اختر فئة.
search-categories = البحث في الفئات
favourite-2 = مفضلة

## pages/report/fill

required = {" "}(إلزامي)
please-choose = – يرجى الاختيار –
at-most-5-photos-per-report = 5 صور كحد أقصى لكل بلاغ.
the-photo-could-not-be-read = تعذّرت قراءة الصورة.
please-check = يرجى التحقق من:
what-you-enter-is-kept-on = ما تدخله يُحفظ على هذا الجهاز كمسودة حتى ترسل البلاغ.
where-is-it-required = أين هو؟ (إلزامي)
square-street-district-or-coordinates-e = ساحة أو شارع أو حيّ أو إحداثيات، مثلاً Marienplatz أو 48.137, 11.575
we-cannot-place-this-exactly-it = لا يمكننا تحديد هذا المكان بدقة. سيُرسل كعنوان – يرجى ذكر رقم المنزل، والرمز البريدي إن أمكن.
we-do-not-know-this-place-2 = لا نعرف هذا المكان.
your-device-does-not-share-a-2 = جهازك لا يشارك الموقع. يرجى كتابة المكان.
choose-on-the-map = الاختيار على الخريطة
description-optional = الوصف (اختياري)
photos-optional-up-to-5-at = الصور (اختياري، حتى 5 صور، لا تزيد كل منها عن 10 ميغابايت)
take-a-photo = التقط صورة بالكاميرا
location-and-camera-data-are-removed = تُزال بيانات الموقع والكاميرا قبل حفظ الصور.
chosen-photos = الصور المختارة
e-mail-for-updates-optional = البريد الإلكتروني للردود (اختياري)
use-the-e-mail-address-from = استخدام البريد الإلكتروني من ملفي الشخصي
yes-the-city-may-contact-me = نعم، يجوز للمدينة التواصل معي على هذا العنوان بشأن هذا البلاغ. لا يُستخدم العنوان لغير ذلك ولا يُنشر أبداً.
continue-to-review = المتابعة إلى المراجعة
other-category = فئة أخرى

## pages/report/mod

the-photo-is-larger-than-10 = الصورة أكبر من 10 ميغابايت. يرجى اختيار صورة أصغر.
this-file-is-not-a-photo = هذا الملف ليس صورة. تُقبل صيغ JPEG وPNG وWebP.
please-give-the-place-a-square = يرجى ذكر المكان: ساحة أو عنوان برقم المنزل أو إحداثيات.
offline-you-can-still-report-the = دون اتصال: لا يزال بإمكانك الإبلاغ. يُحفظ البلاغ على هذا الجهاز ويُرسل فور الوصول إلى الخادم.
loading-categories = جارٍ تحميل الفئات …

## pages/report/review

no-photo = لا صورة
check-your-report = راجع بلاغك
category = الفئة
place = المكان
description = الوصف
photos = الصور
updates-to = الردود إلى
none-anonymous = لا أحد (مجهول الهوية)
already-reported-nearby = أُبلغ عنه بالقرب من هنا
these-open-reports-of-the-same = هذه البلاغات المفتوحة من الفئة نفسها قريبة جداً. إن كان بلاغك بينها فالمدينة تعرف به: قل «أنا متأثر أيضاً» – فهذا يُظهر للمدينة عدد المتضررين، ويمكنك متابعته في «بلاغاتي».
no-description = دون وصف
i-am-affected-too-2 = أنا متأثر أيضاً
already-reported-do-not-send = أُبلغ عنه مسبقاً – لا ترسل
send-report = إرسال البلاغ
change = تغيير
without-a-connection-the-report-is = دون اتصال يُحفظ البلاغ على هذا الجهاز ويُرسل لاحقاً. لا يضيع شيء.

## pages/report_endpoint

the-city-of-munich-default = مدينة ميونخ (افتراضي)
where-reports-go = إلى أين تذهب البلاغات
reports-go-to = تذهب البلاغات إلى:
back-to-the-city-of-munich = العودة إلى مدينة ميونخ
choose-another-reporting-server-georeport-v2 = اختيار خادم بلاغات آخر (GeoReport v2)
discovery-address = عنوان الاكتشاف
the-address-of-an-open311-georeport = عنوان ملف discovery.json لخادم Open311 GeoReport v2، مثلاً https://example.org/open311/discovery.json. يجب أن يبدأ بـ https://.
api-key-if-the-server-asks = مفتاح API (إن طلبه الخادم)
jurisdiction-id-optional = معرّف الاختصاص (اختياري)
checking-the-server = جارٍ فحص الخادم …
check-and-use = الفحص والاستخدام

## i18n

the-city-s-server-cannot-be = لا يمكن الوصول إلى خادم المدينة الآن. يرجى التحقق من اتصالك بالإنترنت والمحاولة لاحقاً.
the-city-s-server-answered-with = ردّ خادم المدينة بخطأ. يرجى المحاولة لاحقاً.
this-entry-was-not-found-please = لم يُعثر على هذا الإدخال. يرجى إعادة تحميل القائمة.
the-map-could-not-be-opened = تعذّر فتح الخريطة. هل يوجد متصفح ويب مثبّت؟
data-could-not-be-saved-on = تعذّر حفظ البيانات على هذا الجهاز.
the-app-could-not-do-this = لم يتمكن التطبيق من تنفيذ ذلك. يرجى إعادة تشغيل التطبيق.
the-address-must-start-with-https = يجب أن يبدأ العنوان بـ https:// لكي تُرسل البلاغات مشفّرة.
the-system-keyring-is-not-available = سلسلة مفاتيح النظام غير متاحة. من دونها لا يستطيع التطبيق تسجيل الدخول بأمان.
signing-in-was-not-completed-please = لم يكتمل تسجيل الدخول. يرجى المحاولة مرة أخرى.
this-is-not-possible-on-this = هذا غير ممكن على هذا الجهاز العام. يرجى استخدام جهازك الخاص لذلك.
no-georeport-v2-json-reporting-service = لا تردّ خدمة بلاغات GeoReport v2 ‏(JSON) على هذا العنوان. يرجى التحقق من عنوان الاكتشاف.
a-photo-could-not-be-processed = تعذّرت معالجة إحدى الصور. يرجى إزالتها أو اختيار صورة أخرى.
this-needs-a-sign-in-at = يتطلب هذا تسجيل دخول بمستوى أعلى (مثلاً بشهادة ELSTER أو ببطاقة الهوية الإلكترونية).
the-data-of-the-last-session = تعذّر حذف كل بيانات الجلسة الأخيرة. يبقى الجهاز مقفلاً. يرجى إبلاغ فريق Bürger-Lab.
just-now = الآن

## shared: counts, distances, states and kinds, the language chooser

access-points = { $n ->
    [zero] لا نقاط وصول ({ $n })
    [one] نقطة وصول واحدة
    [two] نقطتا وصول
    [few] { $n } نقاط وصول
    [many] { $n } نقطة وصول
   *[other] { $n } نقطة وصول
}
unread-count = { $n ->
    [zero] لا توجد إشعارات غير مقروءة
    [one] إشعار واحد غير مقروء
    [two] إشعاران غير مقروءين
    [few] { $n } إشعارات غير مقروءة
    [many] { $n } إشعارًا غير مقروء
   *[other] { $n } إشعار غير مقروء
}
distance-m = { $n } م
distance-km = { $n } كم
finder-results = { $n ->
    [zero] لا نتائج ({ $n })
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
    [many] { $n } نتيجة
   *[other] { $n } نتيجة
}
sites-nearest-first = عدد الأماكن: { $n }، الأقرب أولاً (من { $place })
sites-alphabetical = عدد الأماكن: { $n }، أبجدياً
sign-in-with = تسجيل الدخول عبر { $provider }
status-received = وارد
status-in-progress = قيد المعالجة
status-scheduled = مُجدول
status-fixed = تم الإصلاح
status-closed = مُغلق
status-duplicate = أُبلغ عنه مسبقاً
status-not-responsible = ليس من اختصاص المدينة
level-1 = المستوى 1: اسم المستخدم وكلمة المرور
level-2 = المستوى 2
level-3 = المستوى 3، جوهري: شهادة ELSTER أو Authega
level-4 = المستوى 4، عالٍ: بطاقة الهوية الإلكترونية (eID)
topic-report-status = بلاغاتي
topic-road-works = أعمال الطرق
topic-buerger-lab = فعاليات Bürger-Lab
topic-warnings = تحذيرات
finder-category-childcare = رعاية الأطفال
finder-category-care = الرعاية
finder-category-birth = الولادة والقابلات
finder-category-health = الصحة ومواعيد الأطباء
finder-category-housing = السكن
finder-category-social = المساعدة الاجتماعية
finder-category-crisis = المساعدة في الأزمات
target-group-families = العائلات
target-group-parents = الآباء والأمهات
target-group-pregnant = الحوامل
target-group-older = كبار السن
target-group-relatives = الأقارب
target-group-disabilities = الأشخاص ذوو الإعاقة
target-group-low-income = ذوو الدخل المنخفض
target-group-everyone = الجميع
language = اللغة

## whole sentences with values

kiosk-ends-in = دون أي إدخال تنتهي جلستك بعد { $n } ثانية. عندها يُحذف كل ما أدخلته على هذا الجهاز؛ أما البلاغات المنتظرة فتُرسل رغم ذلك.
map-cross-at = علامة التقاطع عند { $position } (مستوى التكبير { $zoom })
distance-from = { $distance } (من { $place })
favourite-changes-waiting = عدد التغييرات: { $n }. تُنقل إلى حسابك فور الوصول إلى البوابة، وهي سارية على هذا الجهاز من الآن.
signed-in-as = أنت مسجّل الدخول باسم { $name }
signed-in-with-provider = تم تسجيل الدخول عبر { $provider }
sign-in-level-is = مستوى تسجيل الدخول: { $level }
sign-in-page-of-opens = تُفتح صفحة تسجيل الدخول الخاصة بـ { $provider } في متصفحك: { $address }
sign-in-page-opens = تُفتح صفحة تسجيل الدخول في متصفحك: { $address }
provider-offers-levels = يقدّم { $provider } مستويات تسجيل الدخول التالية:
account-deleted-kept = حُذف حسابك وتم تسجيل خروجك. يبقى لدى المدينة دون بياناتك عدد من البلاغات: { $n }.
not-accepted-because = لم يُقبل: { $reason }
reference-is = رقم المعاملة: { $number }
more-affected-count = عدد المتأثرين الآخرين: { $n }.
correct-and-send-again-named = التصحيح والإرسال مرة أخرى: { $name }
reported-on-date = أُبلغ عنه في { $date }
new-notifications-count = إشعارات جديدة: { $n }.
open-named = فتح: { $name }
mark-as-unread-named = وضع علامة غير مقروء: { $name }
mark-as-read-named = وضع علامة مقروء: { $name }
delete-named = حذف: { $name }
districts-chosen-count = الأحياء المختارة: { $n }
current-data-as-of-date = بيانات حالية بتاريخ { $date }
updating-saved-data-as-of-date = جارٍ تحديث البيانات المحفوظة. بتاريخ { $date }
your-position-is = موقعك: { $place }
all-kinds-count = الكل ({ $n })
directory-as-of-date = الدليل محدّث بتاريخ { $date }
updating-saved-directory-as-of-date = جارٍ تحديث الدليل المحفوظ. بتاريخ { $date }
last-updated-date-age = آخر تحديث: { $date } ({ $age })
run-by-operator = يديره: { $operator }
languages-are = اللغات: { $languages }
accessibility-is = إمكانية الوصول: { $text }
call-number = اتصال: { $number }
address-last-checked-on-date = آخر تحقق من العنوان في { $date }
draft-saved-at = حُفظ في { $date }
continue-named = متابعة: { $name }
categories-count = عدد الفئات: { $n }
place-found = تم التعرّف على: { $place } ({ $position })
map-loads-from = لا تُحمَّل الخريطة إلا عند فتحها، من { $host }.
remove-photo-named = إزالة الصورة: { $name }
please-fill-in-field = يرجى ملء: { $field }
please-give-a-number-for = يرجى إدخال رقم: { $field }
more-affected-short = { $n } متأثرون آخرون
i-am-affected-too-by = أنا متأثر أيضاً: { $id }
details-are = التفاصيل: { $detail }
saved-as-path = حُفظ باسم: { $path }
level-needed-export = تتطلب بياناتك تسجيل الدخول بمستوى { $level }. أنت مسجّل الدخول بمستوى { $reached }.
level-needed-delete = يتطلب حذف حسابك تسجيل الدخول بمستوى { $level }. أنت مسجّل الدخول بمستوى { $reached }.
sites-from-date-age = تعرض الأماكن بتاريخ { $date } ({ $age }).
photo-too-many-pixels = تحتوي الصورة على عدد كبير جداً من البكسلات ({ $width } × { $height }) – 40 ميغابكسل كحد أقصى. يرجى اختيار صورة أصغر.
consented-on-version = وافقت في { $date } (نسخة النص { $version }).
text-version-is = (نسخة النص { $version })

## the city's look: banners and the report's steps

severity-info = ملاحظة
severity-success = تم
severity-warning = تحذير
severity-emergency = طوارئ
report-steps = خطوات البلاغ
step-category = الفئة
step-details = التفاصيل
step-check-and-send = المراجعة والإرسال

## the hotspot map and the kinds of sites

show-on-map = العرض على الخريطة
site-map-help = تعرض الخريطة أماكن القائمة. حرّكها بمفاتيح الأسهم أو بالأزرار أو بالسحب، و+ و− للتكبير والتصغير. الرقم يعني عدة أماكن: الضغط عليه يكبّر الخريطة. المكان الذي تضغط عليه يظهر في القائمة.
map-of-the-wi-fi-sites = خريطة نقاط الواي فاي
sites-here-zoom-in = عدد الأماكن هنا: { $n }، تكبير
the-map-cannot-be-reached-the-list = لا يمكن الوصول إلى الخريطة الآن. تعرض القائمة كل الأماكن.
kind-tram = محطة ترام (الخط { $lines })
kind-tram-why = M-WLAN في محطات خط الترام هذا.
kind-square = ساحة عامة
kind-square-why = M-WLAN في الهواء الطلق في ساحة أو شارع.
kind-info-pillar = عمود معلومات (TOS)
kind-info-pillar-why = يُسمى «TOS» في البيانات المفتوحة للمدينة: M-WLAN عند أعمدة المعلومات في الأماكن العامة.
kind-square-and-pillar = ساحة عامة مع عمود معلومات (TOS)
kind-smarter-city = مشروع «Smarter City»
kind-smarter-city-why = M-WLAN من مشروع للمدينة لأحياء متصلة.
kind-mobility = محطة تنقل
kind-mobility-why = محطة يمكنك فيها التبديل بين الحافلة والترام والدراجات المؤجرة ومشاركة السيارات.
kind-swm = Stadtwerke München
kind-swm-why = موقع تابع لشركة Stadtwerke München التي تشغّل M-WLAN لصالح المدينة.
