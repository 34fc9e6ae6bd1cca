# München uygulamasının metinleri – Türkçe.
#
# MACHINE-MADE TRANSLATION: written from the German and English texts by an
# AI model during development. Not yet checked by a speaker of Turkish; it
# must be reviewed (ideally by the city's translation service or the
# Migrationsbeirat) before a release. Corrections go straight into this file.

## app

skip-to-content = İçeriğe geç
munich-app = Münih uygulaması
areas = Alanlar
area-short-hotspots = Wi-Fi
area-short-report = Bildir
area-short-finders = Bulucular
area-short-notices = Bildirimler
area-short-personal = Alanım
main-navigation = Ana gezinme
end-session = Oturumu bitir
start-page = Ana sayfa
open-source-software-of-the-city = Münih Şehri'nin açık kaynaklı yazılımı.

## areas/hotspots

loading = Yükleniyor …

## kiosk

are-you-still-there = Hâlâ orada mısınız?
keep-using = Kullanmaya devam et
end-session-now = Oturumu şimdi bitir
device-locked = Cihaz kilitli
for-the-team = Ekip için:{" "}
delete-again = Yeniden sil

## map

move-the-map-until-the-cross = Artı işareti doğru yerin üzerine gelene kadar haritayı kaydırın: ok tuşlarıyla, düğmelerle, sürükleyerek veya dokunarak. + ve − ile yakınlaştırın.
map = harita
map-to-choose-the-place = Yeri seçmek için harita
the-map-cannot-be-reached-right = Haritaya şu anda ulaşılamıyor. Lütfen yeri yazarak girin.
move-map-north = Haritayı kuzeye kaydır
move-map-west = Haritayı batıya kaydır
move-map-east = Haritayı doğuya kaydır
move-map-south = Haritayı güneye kaydır
zoom-in = Yakınlaştır
zoom-out = Uzaklaştır
map-data-openstreetmap-contributors-odbl = Harita verileri © OpenStreetMap katkıda bulunanlar (ODbL)
use-this-point = Bu noktayı kullan
close-map = Haritayı kapat

## pages/finders

loading-the-directory = Dizin yükleniyor …
the-directory-could-not-be-loaded = Dizin yüklenemedi.
reload = Yeniden yükle
offline-saved-directory = Çevrimdışı: kayıtlı dizin
your-favourites = Favorileriniz
search-portals = Arama portalları
nothing-found-try-another-word-for = Hiçbir şey bulunamadı. Başka bir kelime deneyin, örneğin „kreş“, „bakım“ veya „doktor“, ya da bir filtreyi kaldırın.
capacity-finders = Yer ve randevu bulucular
find-free-places-and-appointments-the = Boş yer ve randevu bulun: şehrin ve ortaklarının kreş, bakım, ebe, doktor randevusu, konut ve daha fazlası için arama portalları – hepsi tek bir yerde.
what-are-you-looking-for = Ne arıyorsunuz?
for-example-childcare-nursing-home-midwife = Örneğin: kreş, bakımevi, ebe, doktor randevusu
topic = Konu
all-topics = Tüm konular
for-whom = Kimin için?
everyone = Herkes
requires-an-account-with-the-provider = Sağlayıcıda bir hesap gerektirir
open-website = Web sitesini aç
favourite = ★ Favori
add-to-favourites = ☆ Favorilere ekle

## pages/home

coming-soon = Yakında
welcome-to-the-munich-app = Münih uygulamasına hoş geldiniz
services-of-the-city-of-munich = Münih Şehri'nin hizmetleri tek bir yerde. Bir alan seçin.
free-wi-fi-m-wlan = Ücretsiz Wi-Fi (M-WLAN)
find-the-city-s-free-wi = Yakınınızdaki şehrin ücretsiz Wi-Fi noktalarını bulun.
report-an-issue = Sorun bildir
report-damage-and-problems-in-the = Şehirdeki hasarları ve sorunları bildirin ve takip edin.
childcare-care-midwives-doctors-the-search = Kreş, bakım, ebeler, doktorlar: arama portalları tek bir yerde.
notifications = Bildirimler
what-happened-with-your-reports = Bildirimlerinize ne oldu.
personal-area = Kişisel alan
sign-in-with-m-login-or = M-Login veya BayernID ile giriş yapın; bildirimleriniz tüm cihazlarınızda.

## pages/hotspot_detail

offline-saved-data = Çevrimdışı: kayıtlı veriler.
address = Adres
kind-of-site = Yer türü
wi-fi-access-points = Wi-Fi erişim noktaları
distance = Uzaklık
network-name = Ağ adı
coordinates = Koordinatlar
open-in-map-openstreetmap = Haritada aç (OpenStreetMap)
back-to-the-list = Listeye dön
the-map-opens-in-your-web = Harita web tarayıcınızda açılır.

## pages/hotspots

find-free-wi-fi = Ücretsiz Wi-Fi bul
m-wlan-is-the-city-of = M-WLAN, Münih Şehri'nin ücretsiz Wi-Fi'sidir – kayıt gerekmez. En yakın noktaları görmek için konumunuzu seçin.
loading-sites = Yerler yükleniyor …
the-sites-could-not-be-loaded = Yerler yüklenemedi.
no-sites-are-stored-on-this = Bu cihazda henüz kayıtlı yer yok.
refresh = Yenile
offline-saved-data-2 = Çevrimdışı: kayıtlı veriler
no-position-chosen-yet = Henüz konum seçilmedi.
position = Konum
use-my-location = Konumumu kullan
enter-a-place-or-district = Yer veya semt girin
finding-your-location = Konumunuz belirleniyor …
your-device-does-not-share-a = Cihazınız konum paylaşmıyor. Lütfen bir yer yazın veya bir semt seçin.
place-address-or-coordinates = Yer, adres veya koordinatlar
for-example-marienplatz-sendlinger-tor-or = Örneğin: Marienplatz, Sendlinger Tor veya 48.137, 11.575
apply = Uygula
we-do-not-know-this-place = Bu yeri tanımıyoruz. Bir meydan, listeden bir sokak, bir semt veya koordinatlar deneyin.
or-choose-a-district = Veya bir semt seçin
district = – Semt –
no-sites = Yer yok
all = Tümü

## pages/my_data

unknown = bilinmiyor
fetching-your-data = Verileriniz getiriliyor …
deleting-your-account = Hesabınız siliniyor …
really-delete-your-account-the-portal = Hesabınız gerçekten silinsin mi? Portal hesabınızı ve tüm iletişim bilgilerinizi unutur. Bildirimleriniz şehirde kalır, ancak adınız, iletişim bilgileriniz ve hesabınız olmadan. Bu işlem geri alınamaz.
yes-delete-my-account = Evet, hesabımı sil
no-keep-it = Hayır, kalsın
for-that-you-sign-in-once = Bunun için bir kez daha giriş yaparsınız, örneğin ELSTER sertifikanızla veya çevrimiçi kimlik kartınızla. Ardından işlem hemen devam eder.
sign-in-again-at-the-higher = Daha yüksek seviyede yeniden giriş yap
please-sign-in-in-your-browser = Lütfen tarayıcınızda giriş yapın. Uygulama bekliyor …
cancel = İptal
my-data = Verilerim
everything-the-portal-holds-about-you = Portalın sizin hakkınızda tuttuğu her şey, bir dosya (JSON) olarak: verdiğiniz iletişim bilgileriyle birlikte bildirimleriniz, favorileriniz, profiliniz ve onaylarınız.
download-my-data = Verilerimi indir
delete-my-account = Hesabımı sil …

## pages/my_reports

loading-reports = Bildirimler yükleniyor …
nothing-has-been-reported-from-this = Bu cihazdan henüz bir şey bildirilmedi.
waiting-to-be-sent-it-goes = Gönderilmeyi bekliyor – sunucuya ulaşılır ulaşılmaz kendiliğinden gönderilir.
sent-status-cannot-be-fetched-right = Gönderildi (durum şu anda alınamıyor)
status = Durum:{" "}
from-your-account-sent-on-another = Hesabınızdan – başka bir cihazda gönderildi.
reported-by-someone-else-you-said = Başka biri bildirdi – siz „Ben de etkileniyorum“ dediniz.
what-you-entered-and-your-photos = Girdikleriniz ve fotoğraflarınız saklandı. Bildirimi düzeltip yeniden gönderebilirsiniz.
correct-and-send-again = Düzelt ve yeniden gönder
history = Geçmiş
my-reports = Bildirimlerim
new-report = Yeni bildirim

## pages/notices

no-new-notifications = Yeni bildirim yok.
not-yet-with-the-portal-sent = Henüz portalda değil: portal yanıt verir vermez gönderilecek.
show = Göster
this-is-where-you-hear-when = Bildirimlerinizden birinin durumu değiştiğinde – „Ben de etkileniyorum“ dediğiniz bildirimler dahil – ve şehrin aşağıda seçtiğiniz konular ve semtler hakkındaki duyurularını burada görürsünüz.
no-notifications-on-this-topic = Bu konuda bildirim yok.
new = Yeni
open = Aç
mark-as-unread = Okunmadı olarak işaretle
mark-as-read = Okundu olarak işaretle
delete = Sil
mark-all-as-read = Tümünü okundu olarak işaretle
settings = Ayarlar
also-show-as-a-desktop-notification = Uygulama çalışırken masaüstü bildirimi olarak da göster
topics-you-want-to-hear-about = Haber almak istediğiniz konular
news-of-your-own-reports-always = Kendi bildirimlerinizle ilgili haberler her zaman gelir.
districts-all-of-munich = Semtler: tüm Münih
only-from-these-districts-none-chosen = Yalnızca bu semtlerden (hiçbiri seçilmezse: tüm Münih)
quiet-hours = Sessiz saatler
no-desktop-notification-in-these-hours = Bu saatlerde masaüstü bildirimi yok (bildirimler burada kalır)
from-2 = Başlangıç
until = Bitiş

## pages/personal

pin-this-area = Bu alanı sabitle
wi-fi-site = Wi-Fi noktası
capacity-finder = Yer ve randevu bulucu
report-category = Bildirim kategorisi
area = Alan
kept-on-this-device-only-sign = Yalnızca bu cihazda saklanır. Favorilerinizin tüm cihazlarınızda olması için giriş yapın.
in-step-with-your-account-the = Hesabınızla eşit: tüm cihazlarınızda aynı.
signing-in-is-not-set-up = Bu cihazda giriş ayarlanmamış. Diğer her şey giriş yapmadan çalışır.
signed-in = Giriş yapıldı
unknown-the-portal-could-not-be = bilinmiyor (giriş yaptığınızda portala ulaşılamadı)
reports-you-send-while-signed-in = Giriş yapmışken gönderdiğiniz bildirimler hesabınıza aittir: bunları diğer cihazlarınızda da „Bildirimlerim“ altında görürsünüz.
sign-out = Çıkış yap
sign-in = Giriş yap
with-your-account-m-login-or = Hesabınızla (M-Login veya BayernID) bildirimlerinizi tüm cihazlarınızda görürsünüz. Bildirim göndermek giriş yapmadan da mümkündür.
where-a-higher-level-is-needed = Daha yüksek bir seviye gerektiğinde uygulama o noktaya geldiğinizde size sorar.
sign-in-in-the-browser = Tarayıcıda giriş yap
none-yet-with-the-star-you = Henüz yok. Yıldızla Wi-Fi noktalarını, yer ve randevu bulucudaki arama portallarını, bildirim kategorilerini ve „Bu alanı sabitle“ ile uygulamanın bütün alanlarını saklarsınız.
no-longer-available = artık mevcut değil
remove-from-favourites = favorilerden çıkar
remove = Kaldır
to-the-capacity-finders = Yer ve randevu bulucuya

## pages/profile

loading-the-profile = Profil yükleniyor …
my-profile = Profilim
give-it-once-use-it-later = Bir kez verin, sonra kullanın: formlar bu bilgileri önerir ve her seferinde siz karar verirsiniz.
consent-revoked-your-profile-is-deleted = Onay geri alındı; profiliniz silindi.
your-profile-is-saved = Profiliniz kaydedildi.
first-name = Ad
last-name = Soyad
e-mail-address = E-posta adresi
postal-address = Posta adresi
preferred-language = Tercih edilen dil
not-given = belirtilmedi
save-profile = Profili kaydet
revoke-consent-and-delete-the-profile = Onayı geri al ve profili sil

## pages/report/choose

reports-in-progress = Başlanmış bildirimler
kept-on-this-device-not-sent = Bu cihazda saklandı, henüz gönderilmedi.
saved = kaydedildi
delete-draft = Taslak silinsin mi?
really-delete = Gerçekten silinsin mi?
yes-delete = Evet, sil
keep = Sakla
continue = Devam et
what-is-broken-or-in-the = Ne bozuk ya da ne rahatsız ediyor? Bir kategori seçin.
search-categories = Kategorilerde ara
favourite-2 = favori

## pages/report/fill

required = {" "}(zorunlu)
please-choose = – lütfen seçin –
at-most-5-photos-per-report = Bildirim başına en fazla 5 fotoğraf.
the-photo-could-not-be-read = Fotoğraf okunamadı.
please-check = Lütfen kontrol edin:
what-you-enter-is-kept-on = Girdikleriniz, bildirimi gönderene kadar bu cihazda taslak olarak saklanır.
where-is-it-required = Nerede? (zorunlu)
square-street-district-or-coordinates-e = Meydan, sokak, semt veya koordinatlar, örn. Marienplatz veya 48.137, 11.575
we-cannot-place-this-exactly-it = Bu yeri tam olarak belirleyemiyoruz. Adres olarak gönderilir – lütfen kapı numarasıyla ve mümkünse posta koduyla.
we-do-not-know-this-place-2 = Bu yeri tanımıyoruz.
your-device-does-not-share-a-2 = Cihazınız konum paylaşmıyor. Lütfen yeri yazın.
choose-on-the-map = Haritada seç
description-optional = Açıklama (isteğe bağlı)
photos-optional-up-to-5-at = Fotoğraflar (isteğe bağlı, en fazla 5, her biri en fazla 10 MB)
take-a-photo = Kamerayla fotoğraf çek
location-and-camera-data-are-removed = Konum ve kamera verileri fotoğraflar saklanmadan önce silinir.
chosen-photos = Seçilen fotoğraflar
e-mail-for-updates-optional = Geri bildirim için e-posta (isteğe bağlı)
use-the-e-mail-address-from = Profilimdeki e-posta adresini kullan
yes-the-city-may-contact-me = Evet, şehir bu bildirimle ilgili olarak bu adresten benimle iletişime geçebilir. Adres yalnızca bunun için kullanılır ve yayımlanmaz.
continue-to-review = Özete geç
other-category = Başka kategori

## pages/report/mod

the-photo-is-larger-than-10 = Fotoğraf 10 MB'tan büyük. Lütfen daha küçük bir fotoğraf seçin.
this-file-is-not-a-photo = Bu dosya bir fotoğraf değil. JPEG, PNG ve WebP kabul edilir.
please-give-the-place-a-square = Lütfen yeri belirtin: bir meydan, kapı numaralı bir adres veya koordinatlar.
offline-you-can-still-report-the = Çevrimdışı: yine de bildirim yapabilirsiniz. Bildirim bu cihazda saklanır ve sunucuya ulaşılır ulaşılmaz gönderilir.
loading-categories = Kategoriler yükleniyor …

## pages/report/review

no-photo = fotoğraf yok
check-your-report = Bildiriminizi kontrol edin
category = Kategori
place = Yer
description = Açıklama
photos = Fotoğraflar
updates-to = Geri bildirim adresi
none-anonymous = yok (anonim)
already-reported-nearby = Yakında zaten bildirilmiş
these-open-reports-of-the-same = Aynı kategorideki bu açık bildirimler çok yakında. Sizinki de aralarındaysa şehir bunu zaten biliyor: „Ben de etkileniyorum“ deyin – bu, şehre kaç kişiyi rahatsız ettiğini gösterir ve durumu „Bildirimlerim“ altında takip edersiniz.
no-description = açıklama yok
i-am-affected-too-2 = Ben de etkileniyorum
already-reported-do-not-send = Zaten bildirilmiş – gönderme
send-report = Bildirimi gönder
change = Değiştir
without-a-connection-the-report-is = Bağlantı yoksa bildirim bu cihazda saklanır ve daha sonra gönderilir. Hiçbir şey kaybolmaz.

## pages/report_endpoint

the-city-of-munich-default = Münih Şehri (varsayılan)
where-reports-go = Bildirimler nereye gider
reports-go-to = Bildirimlerin gittiği yer:
back-to-the-city-of-munich = Münih Şehri'ne geri dön
choose-another-reporting-server-georeport-v2 = Başka bir bildirim sunucusu seç (GeoReport v2)
discovery-address = Keşif adresi
the-address-of-an-open311-georeport = Bir Open311 GeoReport v2 sunucusunun discovery.json adresi, örn. https://example.org/open311/discovery.json. https:// ile başlamalıdır.
api-key-if-the-server-asks = API anahtarı (sunucu isterse)
jurisdiction-id-optional = Yetki alanı kimliği (isteğe bağlı)
checking-the-server = Sunucu kontrol ediliyor …
check-and-use = Kontrol et ve kullan

## i18n

the-city-s-server-cannot-be = Şehrin sunucusuna şu anda ulaşılamıyor. Lütfen internet bağlantınızı kontrol edin ve daha sonra yeniden deneyin.
the-city-s-server-answered-with = Şehrin sunucusu bir hatayla yanıt verdi. Lütfen daha sonra yeniden deneyin.
this-entry-was-not-found-please = Bu kayıt bulunamadı. Lütfen listeyi yeniden yükleyin.
the-map-could-not-be-opened = Harita açılamadı. Bir web tarayıcısı kurulu mu?
data-could-not-be-saved-on = Veriler bu cihaza kaydedilemedi.
the-app-could-not-do-this = Uygulama bu işlemi yapamadı. Lütfen uygulamayı yeniden başlatın.
the-address-must-start-with-https = Bildirimlerin şifreli gönderilmesi için adres https:// ile başlamalıdır.
the-system-keyring-is-not-available = Sistemin anahtar zinciri kullanılamıyor. O olmadan uygulama güvenli şekilde giriş yapamaz.
signing-in-was-not-completed-please = Giriş tamamlanmadı. Lütfen yeniden deneyin.
this-is-not-possible-on-this = Bu herkese açık cihazda bu mümkün değil. Lütfen bunun için kendi cihazınızı kullanın.
no-georeport-v2-json-reporting-service = Bu adreste GeoReport v2 (JSON) bildirim hizmeti yanıt vermiyor. Lütfen keşif adresini kontrol edin.
a-photo-could-not-be-processed = Bir fotoğraf işlenemedi. Lütfen kaldırın veya başka bir fotoğraf seçin.
this-needs-a-sign-in-at = Bunun için daha yüksek seviyede giriş gerekir (örneğin ELSTER sertifikası veya çevrimiçi kimlik kartı ile).
the-data-of-the-last-session = Son oturumun verileri tamamen silinemedi. Cihaz kilitli kalır. Lütfen Bürger-Lab ekibine haber verin.
just-now = az önce

## shared: counts, distances, states and kinds, the language chooser

access-points = { $n } erişim noktası
unread-count = { $n } okunmamış
distance-m = { $n } m
distance-km = { $n } km
finder-results = { $n } sonuç
sites-nearest-first = { $n } yer, en yakını önce ({ $place } konumundan)
sites-alphabetical = { $n } yer, alfabetik
sign-in-with = { $provider } ile giriş yap
status-received = Alındı
status-in-progress = İşlemde
status-scheduled = Planlandı
status-fixed = Giderildi
status-closed = Kapatıldı
status-duplicate = Zaten bildirilmiş
status-not-responsible = Şehrin sorumluluğunda değil
level-1 = Seviye 1: kullanıcı adı ve şifre
level-2 = Seviye 2
level-3 = Seviye 3, önemli: ELSTER sertifikası veya Authega
level-4 = Seviye 4, yüksek: çevrimiçi kimlik kartı (eID)
topic-report-status = Bildirimlerim
topic-road-works = Yol çalışmaları
topic-buerger-lab = Bürger-Lab etkinlikleri
topic-warnings = Uyarılar
finder-category-childcare = Çocuk bakımı
finder-category-care = Bakım
finder-category-birth = Doğum ve ebeler
finder-category-health = Sağlık ve doktor randevuları
finder-category-housing = Konut
finder-category-social = Sosyal yardım
finder-category-crisis = Kriz durumunda yardım
target-group-families = Aileler
target-group-parents = Ebeveynler
target-group-pregnant = Hamileler
target-group-older = Yaşlılar
target-group-relatives = Yakınlar
target-group-disabilities = Engelli bireyler
target-group-low-income = Geliri düşük olanlar
target-group-everyone = Herkes
language = Dil

## whole sentences with values

kiosk-ends-in = Giriş yapılmazsa oturumunuz { $n } saniye içinde sona erer. Ardından bu cihazda girdiğiniz her şey silinir; bekleyen bildirimler yine de gönderilir.
map-cross-at = Artı işareti: { $position } (yakınlaştırma seviyesi { $zoom })
distance-from = { $distance } ({ $place } konumundan)
favourite-changes-waiting = { $n } değişiklik, portala ulaşılır ulaşılmaz hesabınıza aktarılacak. Bu cihazda zaten geçerli.
signed-in-as = { $name } olarak giriş yaptınız
signed-in-with-provider = { $provider } ile giriş yapıldı
sign-in-level-is = Giriş seviyesi: { $level }
sign-in-page-of-opens = { $provider } giriş sayfası tarayıcınızda açılır: { $address }
sign-in-page-opens = Giriş sayfası tarayıcınızda açılır: { $address }
provider-offers-levels = { $provider } şu giriş seviyelerini sunar:
account-deleted-kept = Hesabınız silindi ve çıkış yaptınız. Verileriniz olmadan şehirde kalan: { $n } bildirim.
not-accepted-because = Kabul edilmedi: { $reason }
reference-is = İşlem numarası: { $number }
more-affected-count = { $n } kişi daha etkileniyor.
correct-and-send-again-named = Düzelt ve yeniden gönder: { $name }
reported-on-date = Bildirim tarihi: { $date }
new-notifications-count = { $n } yeni bildirim.
open-named = Aç: { $name }
mark-as-unread-named = Okunmadı olarak işaretle: { $name }
mark-as-read-named = Okundu olarak işaretle: { $name }
delete-named = Sil: { $name }
districts-chosen-count = Seçilen semtler: { $n }
current-data-as-of-date = Güncel veriler, tarih: { $date }
updating-saved-data-as-of-date = Kayıtlı veriler güncelleniyor. Tarih: { $date }
your-position-is = Konumunuz: { $place }
all-kinds-count = Tümü ({ $n })
directory-as-of-date = Dizin güncel, tarih: { $date }
updating-saved-directory-as-of-date = Kayıtlı dizin güncelleniyor. Tarih: { $date }
last-updated-date-age = Son güncelleme: { $date } ({ $age })
run-by-operator = İşleten: { $operator }
languages-are = Diller: { $languages }
accessibility-is = Erişilebilirlik: { $text }
call-number = Ara: { $number }
address-last-checked-on-date = Adresin son kontrol tarihi: { $date }
draft-saved-at = kaydedildi: { $date }
continue-named = Devam et: { $name }
categories-count = { $n } kategori
place-found = Bulundu: { $place } ({ $position })
map-loads-from = Harita yalnızca açtığınızda { $host } adresinden yüklenir.
remove-photo-named = Fotoğrafı kaldır: { $name }
please-fill-in-field = Lütfen doldurun: { $field }
please-give-a-number-for = Lütfen bir sayı girin: { $field }
more-affected-short = { $n } kişi daha etkileniyor
i-am-affected-too-by = Ben de etkileniyorum: { $id }
details-are = Ayrıntılar: { $detail }
saved-as-path = Kaydedildiği yer: { $path }
level-needed-export = Verileriniz için şu seviyede giriş gerekir: { $level }. Giriş seviyeniz: { $reached }.
level-needed-delete = Hesabınızı silmek için şu seviyede giriş gerekir: { $level }. Giriş seviyeniz: { $reached }.
sites-from-date-age = { $date } tarihli yerleri görüyorsunuz ({ $age }).
photo-too-many-pixels = Fotoğrafta çok fazla piksel var ({ $width } × { $height }) – en fazla 40 megapiksel. Lütfen daha küçük bir fotoğraf seçin.
consented-on-version = { $date } tarihinde onay verdiniz (metin sürümü { $version }).
text-version-is = (metin sürümü { $version })

## the city's look: banners and the report's steps

severity-info = Bilgi
severity-success = Tamamlandı
severity-warning = Uyarı
severity-emergency = Acil durum
report-steps = Bildirim adımları
step-category = Kategori
step-details = Bilgiler
step-check-and-send = Kontrol et ve gönder

## the hotspot map and the kinds of sites

show-on-map = Haritada göster
site-map-help = Harita listedeki yerleri gösterir. Ok tuşlarıyla, düğmelerle veya sürükleyerek kaydırın, + ve − ile yakınlaştırın. Bir sayı birkaç yeri gösterir: basınca yakınlaşır. Basılan yer listede gösterilir.
map-of-the-wi-fi-sites = Wi-Fi noktalarının haritası
sites-here-zoom-in = Burada { $n } yer var, yakınlaştır
the-map-cannot-be-reached-the-list = Haritaya şu anda ulaşılamıyor. Liste tüm yerleri gösterir.
kind-tram = Tramvay durağı (hat { $lines })
kind-tram-why = Bu tramvay hattının duraklarında M-WLAN.
kind-square = Meydan
kind-square-why = Açık havada bir meydanda veya sokakta M-WLAN.
kind-info-pillar = Bilgi sütunu (TOS)
kind-info-pillar-why = Şehrin açık verilerinde „TOS“ olarak geçer: kamusal alandaki bilgi sütunlarında M-WLAN.
kind-square-and-pillar = Bilgi sütunlu meydan (TOS)
kind-smarter-city = „Smarter City“ projesi
kind-smarter-city-why = Şehrin bağlantılı semtler projesinden M-WLAN.
kind-mobility = Mobilite istasyonu
kind-mobility-why = Otobüs, tramvay, kiralık bisiklet ve araç paylaşımı arasında geçiş yapabileceğiniz bir istasyon.
kind-swm = Stadtwerke München
kind-swm-why = M-WLAN’ı şehir adına işleten Stadtwerke München’in bir noktası.
