# ما تقوله البوابة للمواطنين – بالعربية.
# MACHINE-MADE TRANSLATION (AI model, during development); not yet checked by
# a speaker of Arabic.

refuse-control-char = يحتوي { $field } على حرف تحكم ({ $char })؛ يرجى إرسال نص فقط.
refuse-too-long = { $field } أطول من { $max } حرفاً.
refuse-not-a-number = { $field } ليس رقماً: '{ $value }'
refuse-email = عنوان البريد الإلكتروني غير صالح.
refuse-field-name = تعذّرت قراءة اسم الحقل '{ $field }'.
refuse-unknown-field = حقل غير معروف '{ $field }'.
refuse-service-code-missing = service_code مفقود.
refuse-lat-long-finite = يجب أن تكون lat/long أرقاماً محدودة.
refuse-outside-munich = المكان خارج ميونخ. تُقبل هنا البلاغات داخل مدينة ميونخ فقط.
refuse-no-location = المكان مطلوب: lat وlong أو address_string أو address_id.
refuse-lat-long-together = يرجى إرسال lat وlong معاً.
refuse-unknown-attribute = خاصية غير معروفة '{ $code }' للفئة { $service }.
refuse-attribute-required = يرجى ملء: { $label } ('{ $code }').
refuse-attribute-one-value = تقبل الخاصية '{ $code }' قيمة واحدة فقط.
refuse-attribute-too-long = الخاصية '{ $code }' أطول من { $max } حرفاً.
refuse-attribute-number = يجب أن تكون الخاصية '{ $code }' رقماً.
refuse-attribute-datetime = يجب أن تكون الخاصية '{ $code }' تاريخاً ووقتاً (ISO 8601).
refuse-attribute-choice = '{ $value }' ليس خياراً من '{ $code }'؛ الخيارات الممكنة: { $choices }.
support-already = تم دعم هذا البلاغ من اتصالك مسبقاً.
report-closed = هذا البلاغ مغلق مسبقاً.
sign-in-expired = انتهت صلاحية تسجيل دخولك أو أنه غير صالح. يرجى تسجيل الدخول مرة أخرى.
too-many-photos = { $n } صور كحد أقصى لكل بلاغ.
pow-missing = إثبات العمل مفقود: اجلب challenge.json وحلّه (ALTCHA، SHA-256) وأرسل الحل في الحقل 'altcha'.
pow-expired = انتهت صلاحية إثبات العمل. يرجى جلب مهمة جديدة.
pow-used = استُخدم إثبات العمل هذا مسبقاً. يرجى جلب مهمة جديدة.
pow-wrong = إثبات العمل غير صالح. يرجى جلب مهمة جديدة وحلّها.
photos-unavailable = لا يمكن حفظ الصور الآن. لم يُحفظ بلاغك؛ يرجى إرساله مرة أخرى بعد بضع دقائق.
too-many-requests = طلبات كثيرة جداً من اتصالك. يرجى المحاولة مرة أخرى بعد { $secs } ثانية.
photo-too-large = الصورة أكبر من { $mb } ميغابايت.
photo-not-a-photo = الملف ليس صورة. يرجى إرسال صورة JPEG أو PNG أو WebP.
photo-too-many-pixels = تحتوي الصورة على { $width } × { $height } بكسل؛ يُقبل { $mp } ميغابكسل كحد أقصى.
photo-unreadable = تعذّرت قراءة الصورة، ربما هي تالفة.
photo-numbered = الصورة { $n }: { $problem }
