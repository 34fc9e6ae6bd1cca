# Що портал каже людям – українською.
# MACHINE-MADE TRANSLATION (AI model, during development); not yet checked by
# a speaker of Ukrainian.

refuse-control-char = { $field } містить керівний символ ({ $char }); будь ласка, надсилайте лише текст.
refuse-too-long = { $field } довше за { $max } символів.
refuse-not-a-number = { $field } не є числом: '{ $value }'
refuse-email = Адреса електронної пошти недійсна.
refuse-field-name = Неможливо прочитати назву поля '{ $field }'.
refuse-unknown-field = Невідоме поле '{ $field }'.
refuse-service-code-missing = Бракує service_code.
refuse-lat-long-finite = lat/long мають бути скінченними числами.
refuse-outside-munich = Місце за межами Мюнхена. Тут приймаються лише повідомлення в межах міста Мюнхен.
refuse-no-location = Потрібне місце: lat і long, address_string або address_id.
refuse-lat-long-together = Будь ласка, надсилайте lat і long разом.
refuse-unknown-attribute = Невідома ознака '{ $code }' для категорії { $service }.
refuse-attribute-required = Будь ласка, заповніть: { $label } ('{ $code }').
refuse-attribute-one-value = Ознака '{ $code }' приймає лише одне значення.
refuse-attribute-too-long = Ознака '{ $code }' довша за { $max } символів.
refuse-attribute-number = Ознака '{ $code }' має бути числом.
refuse-attribute-datetime = Ознака '{ $code }' має бути датою й часом (ISO 8601).
refuse-attribute-choice = '{ $value }' не є варіантом для '{ $code }'; можливі: { $choices }.
support-already = З вашого з'єднання це повідомлення вже підтримано.
report-closed = Це повідомлення вже закрито.
sign-in-expired = Ваш вхід прострочений або недійсний. Будь ласка, увійдіть знову.
too-many-photos = Не більше { $n } фото на повідомлення.
pow-missing = Бракує доказу роботи: отримайте challenge.json, розв'яжіть його (ALTCHA, SHA-256) і надішліть розв'язок у полі 'altcha'.
pow-expired = Доказ роботи прострочено. Будь ласка, отримайте нове завдання.
pow-used = Цей доказ роботи вже використано. Будь ласка, отримайте нове завдання.
pow-wrong = Доказ роботи недійсний. Будь ласка, отримайте нове завдання й розв'яжіть його.
photos-unavailable = Фото зараз неможливо зберегти. Ваше повідомлення не збережено; будь ласка, надішліть його знову за кілька хвилин.
too-many-requests = Забагато запитів з вашого з'єднання. Будь ласка, спробуйте знову через { $secs } с.
photo-too-large = Фото більше за { $mb } МБ.
photo-not-a-photo = Файл не є фото. Будь ласка, надішліть зображення JPEG, PNG або WebP.
photo-too-many-pixels = Фото має { $width } × { $height } пікселів; приймається не більше { $mp } мегапікселів.
photo-unreadable = Фото неможливо прочитати, можливо, його пошкоджено.
photo-numbered = Фото { $n }: { $problem }
