# What the portal says to citizens (GeoReport refusals and errors people
# read), in German, the source. The portal picks the language by the
# request's `locale` field or its Accept-Language header.

refuse-control-char = { $field } enthält ein Steuerzeichen ({ $char }); bitte nur Text senden.
refuse-too-long = { $field } ist länger als { $max } Zeichen.
refuse-not-a-number = { $field } ist keine Zahl: '{ $value }'
refuse-email = Die E-Mail-Adresse ist ungültig.
refuse-field-name = Der Feldname '{ $field }' ist unlesbar.
refuse-unknown-field = Unbekanntes Feld '{ $field }'.
refuse-service-code-missing = service_code fehlt.
refuse-lat-long-finite = lat/long müssen endliche Zahlen sein.
refuse-outside-munich = Der Ort liegt außerhalb Münchens. Hier werden nur Anliegen im Stadtgebiet München angenommen.
refuse-no-location = Ein Ort fehlt: lat und long, address_string oder address_id.
refuse-lat-long-together = Bitte lat und long zusammen senden.
refuse-unknown-attribute = Unbekanntes Merkmal '{ $code }' für die Kategorie { $service }.
refuse-attribute-required = Bitte ausfüllen: { $label } ('{ $code }').
refuse-attribute-one-value = Das Merkmal '{ $code }' nimmt nur einen Wert.
refuse-attribute-too-long = Das Merkmal '{ $code }' ist länger als { $max } Zeichen.
refuse-attribute-number = Das Merkmal '{ $code }' muss eine Zahl sein.
refuse-attribute-datetime = Das Merkmal '{ $code }' muss Datum und Uhrzeit sein (ISO 8601).
refuse-attribute-choice = '{ $value }' ist keine Auswahl von '{ $code }'; möglich: { $choices }.
support-already = Von Ihrer Verbindung wurde diese Meldung schon unterstützt.
report-closed = Diese Meldung ist schon abgeschlossen.
sign-in-expired = Ihre Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich erneut an.
too-many-photos = Höchstens { $n } Fotos pro Meldung.
pow-missing = Es fehlt der Arbeitsnachweis: challenge.json abrufen, lösen (ALTCHA, SHA-256) und im Feld 'altcha' mitsenden.
pow-expired = Der Arbeitsnachweis ist abgelaufen. Bitte eine neue Aufgabe abrufen.
pow-used = Dieser Arbeitsnachweis wurde schon verwendet. Bitte eine neue Aufgabe abrufen.
pow-wrong = Der Arbeitsnachweis stimmt nicht. Bitte eine neue Aufgabe abrufen und lösen.
photos-unavailable = Fotos können gerade nicht gespeichert werden. Ihre Meldung wurde nicht gespeichert; bitte senden Sie sie in einigen Minuten erneut.
too-many-requests = Zu viele Anfragen von Ihrer Verbindung. Bitte versuchen Sie es in { $secs } Sekunden erneut.
photo-too-large = Das Foto ist größer als { $mb } MB.
photo-not-a-photo = Die Datei ist kein Foto. Bitte ein JPEG-, PNG- oder WebP-Bild senden.
photo-too-many-pixels = Das Foto hat { $width } × { $height } Bildpunkte; angenommen werden höchstens { $mp } Megapixel.
photo-unreadable = Das Foto ist unlesbar, vielleicht beschädigt.
photo-numbered = Foto { $n }: { $problem }
