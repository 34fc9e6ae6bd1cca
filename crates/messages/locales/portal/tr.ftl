# Portalın vatandaşlara söyledikleri – Türkçe.
# MACHINE-MADE TRANSLATION (AI model, during development); not yet checked by
# a speaker of Turkish.

refuse-control-char = { $field } bir kontrol karakteri içeriyor ({ $char }); lütfen yalnızca metin gönderin.
refuse-too-long = { $field } { $max } karakterden uzun.
refuse-not-a-number = { $field } bir sayı değil: '{ $value }'
refuse-email = E-posta adresi geçersiz.
refuse-field-name = '{ $field }' alan adı okunamıyor.
refuse-unknown-field = Bilinmeyen alan: '{ $field }'.
refuse-service-code-missing = service_code eksik.
refuse-lat-long-finite = lat/long sonlu sayılar olmalıdır.
refuse-outside-munich = Yer Münih dışında. Burada yalnızca Münih şehir sınırları içindeki bildirimler kabul edilir.
refuse-no-location = Bir yer gerekli: lat ve long, address_string veya address_id.
refuse-lat-long-together = Lütfen lat ve long'u birlikte gönderin.
refuse-unknown-attribute = { $service } kategorisi için bilinmeyen özellik: '{ $code }'.
refuse-attribute-required = Lütfen doldurun: { $label } ('{ $code }').
refuse-attribute-one-value = '{ $code }' özelliği yalnızca bir değer alır.
refuse-attribute-too-long = '{ $code }' özelliği { $max } karakterden uzun.
refuse-attribute-number = '{ $code }' özelliği bir sayı olmalıdır.
refuse-attribute-datetime = '{ $code }' özelliği tarih ve saat olmalıdır (ISO 8601).
refuse-attribute-choice = '{ $value }', '{ $code }' için bir seçenek değil; olası seçenekler: { $choices }.
support-already = Bu bildirim bağlantınızdan zaten desteklendi.
report-closed = Bu bildirim zaten kapatıldı.
sign-in-expired = Girişinizin süresi doldu veya geçersiz. Lütfen yeniden giriş yapın.
too-many-photos = Bildirim başına en fazla { $n } fotoğraf.
pow-missing = İş kanıtı eksik: challenge.json'ı alın, çözün (ALTCHA, SHA-256) ve çözümü 'altcha' alanında gönderin.
pow-expired = İş kanıtının süresi doldu. Lütfen yeni bir görev alın.
pow-used = Bu iş kanıtı zaten kullanıldı. Lütfen yeni bir görev alın.
pow-wrong = İş kanıtı geçerli değil. Lütfen yeni bir görev alın ve çözün.
photos-unavailable = Fotoğraflar şu anda kaydedilemiyor. Bildiriminiz kaydedilmedi; lütfen birkaç dakika sonra yeniden gönderin.
too-many-requests = Bağlantınızdan çok fazla istek geldi. Lütfen { $secs } saniye sonra yeniden deneyin.
photo-too-large = Fotoğraf { $mb } MB'tan büyük.
photo-not-a-photo = Dosya bir fotoğraf değil. Lütfen JPEG, PNG veya WebP görüntüsü gönderin.
photo-too-many-pixels = Fotoğraf { $width } × { $height } piksel; en fazla { $mp } megapiksel kabul edilir.
photo-unreadable = Fotoğraf okunamadı, belki bozuk.
photo-numbered = Fotoğraf { $n }: { $problem }
