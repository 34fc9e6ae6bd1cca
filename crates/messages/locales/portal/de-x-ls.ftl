# Was das Portal den Menschen sagt, in Leichter Sprache. Not yet checked by a
# Prüfgruppe (see ../de-x-ls.ftl).

refuse-control-char = In { $field } ist ein Zeichen, das nicht geht ({ $char }). Bitte schicken Sie nur Text.
refuse-too-long = { $field } ist zu lang. Es dürfen höchstens { $max } Zeichen sein.
refuse-not-a-number = { $field } muss eine Zahl sein. Das ist keine Zahl: '{ $value }'
refuse-email = Die E-Mail-Adresse stimmt nicht.
refuse-field-name = Den Namen von diesem Feld können wir nicht lesen: '{ $field }'.
refuse-unknown-field = Dieses Feld kennen wir nicht: '{ $field }'.
refuse-service-code-missing = Die Art der Meldung fehlt (service_code).
refuse-lat-long-finite = Der Ort stimmt nicht. lat und long müssen Zahlen sein.
refuse-outside-munich = Der Ort ist nicht in München. Hier können Sie nur etwas in München melden.
refuse-no-location = Der Ort fehlt. Bitte sagen Sie uns, wo es ist.
refuse-lat-long-together = Bitte schicken Sie lat und long zusammen.
refuse-unknown-attribute = Diese Angabe kennen wir bei { $service } nicht: '{ $code }'.
refuse-attribute-required = Bitte ausfüllen: { $label } ('{ $code }').
refuse-attribute-one-value = Bei '{ $code }' geht nur eine Antwort.
refuse-attribute-too-long = '{ $code }' ist zu lang. Es dürfen höchstens { $max } Zeichen sein.
refuse-attribute-number = Bei '{ $code }' muss eine Zahl stehen.
refuse-attribute-datetime = Bei '{ $code }' müssen ein Datum und eine Uhrzeit stehen (ISO 8601).
refuse-attribute-choice = '{ $value }' geht bei '{ $code }' nicht. Das geht: { $choices }.
support-already = Sie haben bei dieser Meldung schon gesagt: Mich stört das auch.
report-closed = Diese Meldung ist schon fertig.
sign-in-expired = Ihre Anmeldung gilt nicht mehr. Bitte melden Sie sich noch einmal an.
too-many-photos = Sie können höchstens { $n } Fotos schicken.
pow-missing = Der Nachweis fehlt: challenge.json holen, lösen (ALTCHA, SHA-256) und im Feld 'altcha' mitschicken.
pow-expired = Der Nachweis ist zu alt. Bitte holen Sie eine neue Aufgabe.
pow-used = Diesen Nachweis gab es schon. Bitte holen Sie eine neue Aufgabe.
pow-wrong = Der Nachweis stimmt nicht. Bitte holen Sie eine neue Aufgabe und lösen Sie sie.
photos-unavailable = Wir können Fotos gerade nicht speichern. Ihre Meldung ist nicht gespeichert. Bitte schicken Sie sie in ein paar Minuten noch einmal.
too-many-requests = Von Ihrer Verbindung kommen zu viele Anfragen. Bitte warten Sie { $secs } Sekunden. Dann versuchen Sie es noch einmal.
photo-too-large = Das Foto ist zu groß. Es darf höchstens { $mb } MB haben.
photo-not-a-photo = Das ist kein Foto. Bitte schicken Sie ein Foto (JPEG, PNG oder WebP).
photo-too-many-pixels = Das Foto ist zu groß ({ $width } × { $height }). Es darf höchstens { $mp } Megapixel haben.
photo-unreadable = Wir können das Foto nicht lesen. Vielleicht ist es kaputt.
photo-numbered = Foto { $n }: { $problem }
