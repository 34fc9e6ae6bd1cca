# Тексти застосунку «Мюнхен» українською.
#
# MACHINE-MADE TRANSLATION: written from the German and English texts by an
# AI model during development. Not yet checked by a speaker of Ukrainian; it
# must be reviewed before a release. Corrections go straight into this file.

## app

skip-to-content = Перейти до вмісту
munich-app = Застосунок «Мюнхен»
areas = Розділи
area-short-hotspots = Wi-Fi
area-short-report = Повідомити
area-short-finders = Пошук
area-short-notices = Сповіщення
area-short-personal = Мій розділ
main-navigation = Головна навігація
end-session = Завершити сеанс
start-page = Головна сторінка
open-source-software-of-the-city = Програмне забезпечення з відкритим кодом міста Мюнхен.

## areas/hotspots

loading = Завантаження …

## kiosk

are-you-still-there = Ви ще тут?
keep-using = Продовжити користування
end-session-now = Завершити сеанс зараз
device-locked = Пристрій заблоковано
for-the-team = Для команди:{" "}
delete-again = Видалити ще раз

## map

move-the-map-until-the-cross = Пересувайте мапу, доки хрестик не опиниться на потрібному місці: клавішами зі стрілками, кнопками, перетягуванням або дотиком. + і − змінюють масштаб.
map = мапа
map-to-choose-the-place = Мапа для вибору місця
the-map-cannot-be-reached-right = Мапа зараз недоступна. Будь ласка, введіть місце вручну.
move-map-north = Пересунути мапу на північ
move-map-west = Пересунути мапу на захід
move-map-east = Пересунути мапу на схід
move-map-south = Пересунути мапу на південь
zoom-in = Збільшити
zoom-out = Зменшити
map-data-openstreetmap-contributors-odbl = Дані мапи © учасники OpenStreetMap (ODbL)
use-this-point = Використати цю точку
close-map = Закрити мапу

## pages/finders

loading-the-directory = Завантаження довідника …
the-directory-could-not-be-loaded = Не вдалося завантажити довідник.
reload = Завантажити знову
offline-saved-directory = Офлайн: збережений довідник
your-favourites = Ваше обране
search-portals = Пошукові портали
nothing-found-try-another-word-for = Нічого не знайдено. Спробуйте інше слово, наприклад «дитсадок», «догляд» або «лікар», або приберіть фільтр.
capacity-finders = Пошук місць і записів
find-free-places-and-appointments-the = Знайдіть вільні місця та записи: пошукові портали міста та його партнерів для догляду за дітьми, догляду за людьми, акушерок, записів до лікаря, житла та іншого – в одному місці.
what-are-you-looking-for = Що ви шукаєте?
for-example-childcare-nursing-home-midwife = Наприклад: дитсадок, будинок догляду, акушерка, запис до лікаря
topic = Тема
all-topics = Усі теми
for-whom = Для кого?
everyone = Усі
requires-an-account-with-the-provider = Потрібен обліковий запис у постачальника
open-website = Відкрити вебсайт
favourite = ★ В обраному
add-to-favourites = ☆ Додати до обраного

## pages/home

coming-soon = Незабаром
welcome-to-the-munich-app = Ласкаво просимо до застосунку «Мюнхен»
services-of-the-city-of-munich = Послуги міста Мюнхен в одному місці. Оберіть розділ.
free-wi-fi-m-wlan = Безкоштовний Wi-Fi (M-WLAN)
find-the-city-s-free-wi = Знайдіть безкоштовні точки Wi-Fi міста поблизу.
report-an-issue = Повідомити про проблему
report-damage-and-problems-in-the = Повідомляйте про пошкодження та проблеми в місті й стежте за ними.
childcare-care-midwives-doctors-the-search = Дитсадки, догляд, акушерки, лікарі: пошукові портали в одному місці.
notifications = Сповіщення
what-happened-with-your-reports = Що сталося з вашими повідомленнями.
personal-area = Особистий кабінет
sign-in-with-m-login-or = Увійдіть через M-Login або BayernID – ваші повідомлення на всіх ваших пристроях.

## pages/hotspot_detail

offline-saved-data = Офлайн: збережені дані.
address = Адреса
kind-of-site = Тип місця
wi-fi-access-points = Точки доступу Wi-Fi
distance = Відстань
network-name = Назва мережі
coordinates = Координати
open-in-map-openstreetmap = Відкрити на мапі (OpenStreetMap)
back-to-the-list = Назад до списку
the-map-opens-in-your-web = Мапа відкриється у вашому браузері.

## pages/hotspots

find-free-wi-fi = Знайти безкоштовний Wi-Fi
m-wlan-is-the-city-of = M-WLAN – це безкоштовний Wi-Fi міста Мюнхен, реєстрація не потрібна. Оберіть своє місцезнаходження, щоб побачити найближчі точки.
loading-sites = Завантаження місць …
the-sites-could-not-be-loaded = Не вдалося завантажити місця.
no-sites-are-stored-on-this = На цьому пристрої ще немає збережених місць.
refresh = Оновити
offline-saved-data-2 = Офлайн: збережені дані
no-position-chosen-yet = Місцезнаходження ще не вибрано.
position = Місцезнаходження
use-my-location = Використати моє місцезнаходження
enter-a-place-or-district = Ввести місце або район
finding-your-location = Визначення вашого місцезнаходження …
your-device-does-not-share-a = Ваш пристрій не передає місцезнаходження. Будь ласка, введіть місце або оберіть район.
place-address-or-coordinates = Місце, адреса або координати
for-example-marienplatz-sendlinger-tor-or = Наприклад: Marienplatz, Sendlinger Tor або 48.137, 11.575
apply = Застосувати
we-do-not-know-this-place = Ми не знаємо цього місця. Спробуйте площу, вулицю зі списку, район або координати.
or-choose-a-district = Або оберіть район
district = – Район –
no-sites = Немає місць
all = Усі

## pages/my_data

unknown = невідомо
fetching-your-data = Отримання ваших даних …
deleting-your-account = Видалення облікового запису …
really-delete-your-account-the-portal = Справді видалити обліковий запис? Портал забуде ваш обліковий запис і всі контактні дані. Ваші повідомлення залишаться в міста, але без імені, контактних даних і облікового запису. Це неможливо скасувати.
yes-delete-my-account = Так, видалити мій обліковий запис
no-keep-it = Ні, залишити
for-that-you-sign-in-once = Для цього увійдіть ще раз, наприклад із сертифікатом ELSTER або з онлайн-посвідченням (eID). Після цього все продовжиться одразу.
sign-in-again-at-the-higher = Увійти знову з вищим рівнем
please-sign-in-in-your-browser = Будь ласка, увійдіть у браузері. Застосунок чекає …
cancel = Скасувати
my-data = Мої дані
everything-the-portal-holds-about-you = Усе, що портал зберігає про вас, у вигляді файлу (JSON): ваші повідомлення з контактними даними, які ви до них додали, ваше обране, профіль і згоди.
download-my-data = Завантажити мої дані
delete-my-account = Видалити мій обліковий запис …

## pages/my_reports

loading-reports = Завантаження повідомлень …
nothing-has-been-reported-from-this = З цього пристрою ще нічого не повідомлялося.
waiting-to-be-sent-it-goes = Очікує на надсилання – буде надіслано автоматично, щойно сервер стане доступним.
sent-status-cannot-be-fetched-right = Надіслано (статус зараз неможливо отримати)
status = Статус:{" "}
from-your-account-sent-on-another = З вашого облікового запису – надіслано з іншого пристрою.
reported-by-someone-else-you-said = Повідомив хтось інший – ви сказали «Мене це теж стосується».
what-you-entered-and-your-photos = Введені дані та ваші фото збережено. Ви можете виправити повідомлення й надіслати його знову.
correct-and-send-again = Виправити й надіслати знову
history = Історія
my-reports = Мої повідомлення
new-report = Нове повідомлення

## pages/notices

no-new-notifications = Нових сповіщень немає.
not-yet-with-the-portal-sent = Ще не на порталі: буде надіслано, щойно він відповість.
show = Показати
this-is-where-you-hear-when = Тут ви дізнаєтеся, коли змінюється статус одного з ваших повідомлень – також тих, де ви сказали «Мене це теж стосується», – і що місто оголошує на теми та в районах, які ви оберете нижче.
no-notifications-on-this-topic = На цю тему сповіщень немає.
new = Нове
open = Відкрити
mark-as-unread = Позначити як непрочитане
mark-as-read = Позначити як прочитане
delete = Видалити
mark-all-as-read = Позначити все як прочитане
settings = Налаштування
also-show-as-a-desktop-notification = Також показувати як сповіщення на робочому столі, поки застосунок працює
topics-you-want-to-hear-about = Теми, про які ви хочете дізнаватися
news-of-your-own-reports-always = Новини про ваші власні повідомлення надходять завжди.
districts-all-of-munich = Райони: увесь Мюнхен
only-from-these-districts-none-chosen = Лише з цих районів (якщо нічого не вибрано – увесь Мюнхен)
quiet-hours = Тихі години
no-desktop-notification-in-these-hours = У ці години без сповіщень на робочому столі (сповіщення залишаються тут)
from-2 = Від
until = До

## pages/personal

pin-this-area = Закріпити цей розділ
wi-fi-site = Точка Wi-Fi
capacity-finder = Пошук місць і записів
report-category = Категорія повідомлення
area = Розділ
kept-on-this-device-only-sign = Зберігається лише на цьому пристрої. Увійдіть, щоб обране було на всіх ваших пристроях.
in-step-with-your-account-the = Синхронізовано з обліковим записом: однаково на всіх ваших пристроях.
signing-in-is-not-set-up = Вхід на цьому пристрої не налаштовано. Усе інше працює без входу.
signed-in = Ви увійшли
unknown-the-portal-could-not-be = невідомо (портал був недоступний, коли ви входили)
reports-you-send-while-signed-in = Повідомлення, які ви надсилаєте після входу, належать вашому обліковому запису: ви бачите їх у «Моїх повідомленнях» і на інших пристроях.
sign-out = Вийти
sign-in = Увійти
with-your-account-m-login-or = З обліковим записом (M-Login або BayernID) ви бачите свої повідомлення на всіх пристроях. Повідомляти можна й без входу.
where-a-higher-level-is-needed = Якщо потрібен вищий рівень, застосунок запитає вас, коли ви до цього дійдете.
sign-in-in-the-browser = Увійти в браузері
none-yet-with-the-star-you = Поки нічого. Зірочкою ви зберігаєте точки Wi-Fi, пошукові портали, категорії повідомлень, а кнопкою «Закріпити цей розділ» – цілі розділи застосунку.
no-longer-available = більше не доступно
remove-from-favourites = видалити з обраного
remove = Видалити
to-the-capacity-finders = До пошуку місць і записів

## pages/profile

loading-the-profile = Завантаження профілю …
my-profile = Мій профіль
give-it-once-use-it-later = Вкажіть один раз, використовуйте потім: форми пропонують ці дані, а ви щоразу вирішуєте самі.
consent-revoked-your-profile-is-deleted = Згоду відкликано; ваш профіль видалено.
your-profile-is-saved = Ваш профіль збережено.
first-name = Ім'я
last-name = Прізвище
e-mail-address = Адреса електронної пошти
postal-address = Поштова адреса
preferred-language = Бажана мова
not-given = не вказано
save-profile = Зберегти профіль
revoke-consent-and-delete-the-profile = Відкликати згоду й видалити профіль

## pages/report/choose

reports-in-progress = Розпочаті повідомлення
kept-on-this-device-not-sent = Збережено на цьому пристрої, ще не надіслано.
saved = збережено
delete-draft = Видалити чернетку?
really-delete = Справді видалити?
yes-delete = Так, видалити
keep = Залишити
continue = Продовжити
what-is-broken-or-in-the = Що зламано або заважає? Оберіть категорію.
search-categories = Шукати категорії
favourite-2 = обране

## pages/report/fill

required = {" "}(обов'язково)
please-choose = – будь ласка, оберіть –
at-most-5-photos-per-report = Не більше 5 фото на повідомлення.
the-photo-could-not-be-read = Не вдалося прочитати фото.
please-check = Будь ласка, перевірте:
what-you-enter-is-kept-on = Те, що ви вводите, зберігається на цьому пристрої як чернетка, доки ви не надішлете повідомлення.
where-is-it-required = Де це? (обов'язково)
square-street-district-or-coordinates-e = Площа, вулиця, район або координати, напр. Marienplatz або 48.137, 11.575
we-cannot-place-this-exactly-it = Ми не можемо точно визначити це місце. Його буде надіслано як адресу – будь ласка, з номером будинку та, якщо можливо, поштовим індексом.
we-do-not-know-this-place-2 = Ми не знаємо цього місця.
your-device-does-not-share-a-2 = Ваш пристрій не передає місцезнаходження. Будь ласка, введіть місце.
choose-on-the-map = Вибрати на мапі
description-optional = Опис (необов'язково)
photos-optional-up-to-5-at = Фото (необов'язково, до 5, кожне не більше 10 МБ)
take-a-photo = Зробити фото камерою
location-and-camera-data-are-removed = Дані про місцезнаходження та камеру видаляються перед збереженням фото.
chosen-photos = Вибрані фото
e-mail-for-updates-optional = Електронна пошта для відповідей (необов'язково)
use-the-e-mail-address-from = Використати адресу електронної пошти з мого профілю
yes-the-city-may-contact-me = Так, місто може зв'язатися зі мною за цією адресою щодо цього повідомлення. Адресу використовують лише для цього й не публікують.
continue-to-review = Далі до перевірки
other-category = Інша категорія

## pages/report/mod

the-photo-is-larger-than-10 = Фото більше за 10 МБ. Будь ласка, оберіть менше.
this-file-is-not-a-photo = Цей файл не є фото. Приймаються JPEG, PNG і WebP.
please-give-the-place-a-square = Будь ласка, вкажіть місце: площу, адресу з номером будинку або координати.
offline-you-can-still-report-the = Офлайн: ви все одно можете повідомити. Повідомлення зберігається на цьому пристрої й буде надіслано, щойно сервер стане доступним.
loading-categories = Завантаження категорій …

## pages/report/review

no-photo = без фото
check-your-report = Перевірте своє повідомлення
category = Категорія
place = Місце
description = Опис
photos = Фото
updates-to = Відповіді на
none-anonymous = немає (анонімно)
already-reported-nearby = Поблизу вже повідомлено
these-open-reports-of-the-same = Ці відкриті повідомлення тієї самої категорії зовсім поруч. Якщо серед них є ваше, місто вже про це знає: скажіть «Мене це теж стосується» – так місто бачить, скільки людей це турбує, а ви можете стежити за ним у «Моїх повідомленнях».
no-description = без опису
i-am-affected-too-2 = Мене це теж стосується
already-reported-do-not-send = Уже повідомлено – не надсилати
send-report = Надіслати повідомлення
change = Змінити
without-a-connection-the-report-is = Без з'єднання повідомлення зберігається на цьому пристрої й надсилається пізніше. Нічого не втрачається.

## pages/report_endpoint

the-city-of-munich-default = місто Мюнхен (типово)
where-reports-go = Куди надходять повідомлення
reports-go-to = Повідомлення надходять до:
back-to-the-city-of-munich = Повернутися до міста Мюнхен
choose-another-reporting-server-georeport-v2 = Обрати інший сервер повідомлень (GeoReport v2)
discovery-address = Адреса discovery
the-address-of-an-open311-georeport = Адреса discovery.json сервера Open311 GeoReport v2, напр. https://example.org/open311/discovery.json. Має починатися з https://.
api-key-if-the-server-asks = Ключ API (якщо сервер його вимагає)
jurisdiction-id-optional = Ідентифікатор юрисдикції (необов'язково)
checking-the-server = Перевірка сервера …
check-and-use = Перевірити й використати

## i18n

the-city-s-server-cannot-be = Сервер міста зараз недоступний. Будь ласка, перевірте інтернет-з'єднання та спробуйте пізніше.
the-city-s-server-answered-with = Сервер міста відповів помилкою. Будь ласка, спробуйте пізніше.
this-entry-was-not-found-please = Цей запис не знайдено. Будь ласка, оновіть список.
the-map-could-not-be-opened = Не вдалося відкрити мапу. Чи встановлено вебпереглядач?
data-could-not-be-saved-on = Не вдалося зберегти дані на цьому пристрої.
the-app-could-not-do-this = Застосунок не зміг це виконати. Будь ласка, перезапустіть застосунок.
the-address-must-start-with-https = Адреса має починатися з https://, щоб повідомлення передавалися зашифрованими.
the-system-keyring-is-not-available = Системне сховище ключів недоступне. Без нього застосунок не може безпечно виконати вхід.
signing-in-was-not-completed-please = Вхід не завершено. Будь ласка, спробуйте ще раз.
this-is-not-possible-on-this = На цьому загальнодоступному пристрої це неможливо. Будь ласка, скористайтеся своїм пристроєм.
no-georeport-v2-json-reporting-service = За цією адресою не відповідає служба повідомлень GeoReport v2 (JSON). Будь ласка, перевірте адресу discovery.
a-photo-could-not-be-processed = Не вдалося обробити фото. Будь ласка, видаліть його або оберіть інше.
this-needs-a-sign-in-at = Для цього потрібен вхід вищого рівня (наприклад, із сертифікатом ELSTER або онлайн-посвідченням).
the-data-of-the-last-session = Дані останнього сеансу не вдалося видалити повністю. Пристрій залишається заблокованим. Будь ласка, повідомте команду Bürger-Lab.
just-now = щойно

## shared: counts, distances, states and kinds, the language chooser

access-points = { $n ->
    [one] { $n } точка доступу
    [few] { $n } точки доступу
    [many] { $n } точок доступу
   *[other] { $n } точки доступу
}
unread-count = { $n ->
    [one] { $n } непрочитане
    [few] { $n } непрочитані
    [many] { $n } непрочитаних
   *[other] { $n } непрочитаних
}
distance-m = { $n } м
distance-km = { $n } км
finder-results = { $n ->
    [one] { $n } результат
    [few] { $n } результати
    [many] { $n } результатів
   *[other] { $n } результату
}
sites-nearest-first = Місць: { $n }, найближчі спочатку (від { $place })
sites-alphabetical = Місць: { $n }, за абеткою
sign-in-with = Увійти через { $provider }
status-received = Отримано
status-in-progress = В роботі
status-scheduled = Заплановано
status-fixed = Виправлено
status-closed = Закрито
status-duplicate = Уже повідомлено
status-not-responsible = Не належить до компетенції міста
level-1 = Рівень 1: ім'я користувача й пароль
level-2 = Рівень 2
level-3 = Рівень 3, значний: сертифікат ELSTER або Authega
level-4 = Рівень 4, високий: онлайн-посвідчення (eID)
topic-report-status = Мої повідомлення
topic-road-works = Дорожні роботи
topic-buerger-lab = Заходи Bürger-Lab
topic-warnings = Попередження
finder-category-childcare = Догляд за дітьми
finder-category-care = Догляд
finder-category-birth = Пологи й акушерки
finder-category-health = Здоров'я та записи до лікаря
finder-category-housing = Житло
finder-category-social = Соціальна допомога
finder-category-crisis = Допомога в кризі
target-group-families = Сім'ї
target-group-parents = Батьки
target-group-pregnant = Вагітні
target-group-older = Літні люди
target-group-relatives = Родичі
target-group-disabilities = Люди з інвалідністю
target-group-low-income = Люди з низьким доходом
target-group-everyone = Усі
language = Мова

## whole sentences with values

kiosk-ends-in = Без дій ваш сеанс завершиться через { $n } с. Тоді все, що ви ввели на цьому пристрої, буде видалено; повідомлення, що очікують, усе одно буде надіслано.
map-cross-at = Хрестик у точці { $position } (масштаб { $zoom })
distance-from = { $distance } (від { $place })
favourite-changes-waiting = Змін: { $n }. Їх буде передано до вашого облікового запису, щойно портал стане доступним. На цьому пристрої вони вже діють.
signed-in-as = Ви увійшли як { $name }
signed-in-with-provider = Вхід через { $provider }
sign-in-level-is = Рівень входу: { $level }
sign-in-page-of-opens = Сторінка входу { $provider } відкриється у вашому браузері: { $address }
sign-in-page-opens = Сторінка входу відкриється у вашому браузері: { $address }
provider-offers-levels = { $provider } пропонує такі рівні входу:
account-deleted-kept = Ваш обліковий запис видалено, ви вийшли. Для міста без ваших даних залишаються повідомлення: { $n }.
not-accepted-because = Не прийнято: { $reason }
reference-is = Номер справи: { $number }
more-affected-count = Ще людей, яких це стосується: { $n }.
correct-and-send-again-named = Виправити й надіслати знову: { $name }
reported-on-date = Повідомлено { $date }
new-notifications-count = Нових сповіщень: { $n }.
open-named = Відкрити: { $name }
mark-as-unread-named = Позначити як непрочитане: { $name }
mark-as-read-named = Позначити як прочитане: { $name }
delete-named = Видалити: { $name }
districts-chosen-count = Вибрано районів: { $n }
current-data-as-of-date = Актуальні дані станом на { $date }
updating-saved-data-as-of-date = Збережені дані оновлюються. Станом на { $date }
your-position-is = Ваше місцезнаходження: { $place }
all-kinds-count = Усі ({ $n })
directory-as-of-date = Довідник актуальний станом на { $date }
updating-saved-directory-as-of-date = Збережений довідник оновлюється. Станом на { $date }
last-updated-date-age = Останнє оновлення: { $date } ({ $age })
run-by-operator = Оператор: { $operator }
languages-are = Мови: { $languages }
accessibility-is = Доступність: { $text }
call-number = Зателефонувати: { $number }
address-last-checked-on-date = Адресу востаннє перевірено { $date }
draft-saved-at = збережено { $date }
continue-named = Продовжити: { $name }
categories-count = Категорій: { $n }
place-found = Знайдено: { $place } ({ $position })
map-loads-from = Мапа завантажується лише тоді, коли ви її відкриваєте, з { $host }.
remove-photo-named = Видалити фото: { $name }
please-fill-in-field = Будь ласка, заповніть: { $field }
please-give-a-number-for = Будь ласка, вкажіть число: { $field }
more-affected-short = ще { $n } стосується
i-am-affected-too-by = Мене це теж стосується: { $id }
details-are = Подробиці: { $detail }
saved-as-path = Збережено як: { $path }
level-needed-export = Для ваших даних потрібен вхід рівня { $level }. Ви увійшли з рівнем { $reached }.
level-needed-delete = Для видалення облікового запису потрібен вхід рівня { $level }. Ви увійшли з рівнем { $reached }.
sites-from-date-age = Ви бачите місця станом на { $date } ({ $age }).
photo-too-many-pixels = Фото має забагато пікселів ({ $width } × { $height }) – не більше 40 мегапікселів. Будь ласка, оберіть менше.
consented-on-version = Ви надали згоду { $date } (версія тексту { $version }).
text-version-is = (версія тексту { $version })

## the city's look: banners and the report's steps

severity-info = Примітка
severity-success = Виконано
severity-warning = Попередження
severity-emergency = Надзвичайна ситуація
report-steps = Кроки повідомлення
step-category = Категорія
step-details = Дані
step-check-and-send = Перевірити й надіслати

## the hotspot map and the kinds of sites

show-on-map = Показати на мапі
site-map-help = Мапа показує місця зі списку. Пересувайте її клавішами зі стрілками, кнопками або перетягуванням, + і − змінюють масштаб. Число означає кілька місць: натискання збільшує масштаб. Натиснуте місце показується в списку.
map-of-the-wi-fi-sites = Мапа точок Wi-Fi
sites-here-zoom-in = Тут місць: { $n }, збільшити
the-map-cannot-be-reached-the-list = Мапа зараз недоступна. У списку є всі місця.
kind-tram = Трамвайна зупинка (лінія { $lines })
kind-tram-why = M-WLAN на зупинках цієї трамвайної лінії.
kind-square = Площа
kind-square-why = M-WLAN просто неба на площі чи вулиці.
kind-info-pillar = Інформаційна стела (TOS)
kind-info-pillar-why = У відкритих даних міста називається «TOS»: M-WLAN біля інформаційних стел у громадському просторі.
kind-square-and-pillar = Площа з інформаційною стелою (TOS)
kind-smarter-city = Проєкт «Smarter City»
kind-smarter-city-why = M-WLAN з міського проєкту для мережевих районів.
kind-mobility = Мобільна станція
kind-mobility-why = Станція, де можна пересісти між автобусом, трамваєм, прокатним велосипедом і каршерингом.
kind-swm = Stadtwerke München
kind-swm-why = Місце Stadtwerke München, які обслуговують M-WLAN для міста.
