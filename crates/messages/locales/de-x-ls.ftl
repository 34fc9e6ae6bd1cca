# Die Texte der München-App in Leichter Sprache.
#
# Written by the project's developers (with an AI model) after the rules of
# the Netzwerk Leichte Sprache: short sentences, one statement each, common
# words, long words split with the middle dot (Stadt·bezirk). It is its own
# text, not a shortened copy of de.ftl. NOT YET CHECKED by a Prüf·gruppe
# (readers with learning difficulties); that check is needed before a release.

## app

skip-to-content = Zum Inhalt springen
munich-app = München App
areas = Bereiche
area-short-hotspots = WLAN
area-short-report = Melden
area-short-finders = Hilfe finden
area-short-notices = Nachrichten
area-short-personal = Mein Bereich
main-navigation = Haupt·menü
end-session = Sitzung beenden
start-page = Start·seite
open-source-software-of-the-city = Diese App ist von der Stadt München. Alle dürfen den Programm·code sehen.

## areas/hotspots

loading = Bitte warten. Die App lädt.

## kiosk

are-you-still-there = Sind Sie noch da?
keep-using = Ich bin noch da
end-session-now = Jetzt beenden
device-locked = Das Gerät ist gesperrt.
for-the-team = Für die Helfer:{" "}
delete-again = Noch einmal löschen

## map

move-the-map-until-the-cross = Schieben Sie die Karte. Das Kreuz soll auf dem Ort sein. Sie können die Pfeil·tasten nehmen. Oder die Knöpfe. Oder Sie ziehen die Karte mit dem Finger. Oder Sie tippen auf die Karte. Mit + wird die Karte größer. Mit − wird die Karte kleiner.
map = Karte
map-to-choose-the-place = Karte: Hier wählen Sie den Ort.
the-map-cannot-be-reached-right = Die Karte geht gerade nicht. Bitte schreiben Sie den Ort auf.
move-map-north = Karte nach oben schieben
move-map-west = Karte nach links schieben
move-map-east = Karte nach rechts schieben
move-map-south = Karte nach unten schieben
zoom-in = Größer machen
zoom-out = Kleiner machen
map-data-openstreetmap-contributors-odbl = Die Karte ist von OpenStreetMap (ODbL).
use-this-point = Diesen Ort nehmen
close-map = Karte schließen

## pages/finders

loading-the-directory = Bitte warten. Die Liste lädt.
the-directory-could-not-be-loaded = Die Liste geht gerade nicht.
reload = Noch einmal laden
offline-saved-directory = Kein Internet. Sie sehen die gespeicherte Liste.
your-favourites = Ihre Favoriten
search-portals = Such·seiten
nothing-found-try-another-word-for = Wir haben nichts gefunden. Nehmen Sie ein anderes Wort. Zum Beispiel: Kita. Oder: Pflege. Oder: Arzt. Oder nehmen Sie einen Filter weg.
capacity-finders = Plätze und Termine finden
find-free-places-and-appointments-the = Hier finden Sie freie Plätze und Termine. Zum Beispiel: einen Kita·platz. Einen Pflege·platz. Eine Hebamme. Einen Termin beim Arzt. Eine Wohnung. Alle Such·seiten sind hier an einem Ort.
what-are-you-looking-for = Was suchen Sie?
for-example-childcare-nursing-home-midwife = Zum Beispiel: Kita, Pflege·heim, Hebamme, Arzt·termin
topic = Thema
all-topics = Alle Themen
for-whom = Für wen?
everyone = Alle
requires-an-account-with-the-provider = Sie brauchen dort ein Konto.
open-website = Seite öffnen
favourite = ★ Favorit
add-to-favourites = ☆ Merken

## pages/home

coming-soon = Kommt bald
welcome-to-the-munich-app = Willkommen in der München App
services-of-the-city-of-munich = Hier finden Sie Angebote von der Stadt München. Wählen Sie einen Bereich.
free-wi-fi-m-wlan = Freies Internet (M-WLAN)
find-the-city-s-free-wi = Hier finden Sie freies Internet in Ihrer Nähe.
report-an-issue = Etwas melden
report-damage-and-problems-in-the = Ist etwas in der Stadt kaputt? Sagen Sie es der Stadt.
childcare-care-midwives-doctors-the-search = Kita, Pflege, Hebamme, Arzt: Hier finden Sie die Such·seiten.
notifications = Nachrichten
what-happened-with-your-reports = Das ist mit Ihren Meldungen passiert.
personal-area = Mein Bereich
sign-in-with-m-login-or = Melden Sie sich an. Dann sehen Sie Ihre Meldungen auf allen Geräten.

## pages/hotspot_detail

offline-saved-data = Kein Internet. Sie sehen gespeicherte Daten.
address = Adresse
kind-of-site = Art vom Ort
wi-fi-access-points = Internet·punkte
distance = So weit weg
network-name = Name vom Netz
coordinates = Koordinaten
open-in-map-openstreetmap = Auf der Karte zeigen (OpenStreetMap)
back-to-the-list = Zurück zur Liste
the-map-opens-in-your-web = Die Karte geht im Internet·browser auf.

## pages/hotspots

find-free-wi-fi = Freies Internet finden
m-wlan-is-the-city-of = M-WLAN ist freies Internet von der Stadt München. Sie müssen sich nicht anmelden. Sagen Sie uns, wo Sie sind. Dann sehen Sie die nächsten Orte.
loading-sites = Bitte warten. Die Orte laden.
the-sites-could-not-be-loaded = Die Orte gehen gerade nicht.
no-sites-are-stored-on-this = Auf diesem Gerät sind noch keine Orte gespeichert.
refresh = Neu laden
offline-saved-data-2 = Kein Internet. Sie sehen gespeicherte Daten.
no-position-chosen-yet = Sie haben noch keinen Ort gewählt.
position = Wo sind Sie?
use-my-location = Meinen Ort nehmen
enter-a-place-or-district = Einen Ort oder Stadt·teil eingeben
finding-your-location = Bitte warten. Wir suchen Ihren Ort.
your-device-does-not-share-a = Ihr Gerät sagt nicht, wo Sie sind. Bitte schreiben Sie einen Ort auf. Oder wählen Sie einen Stadt·teil.
place-address-or-coordinates = Ort oder Adresse
for-example-marienplatz-sendlinger-tor-or = Zum Beispiel: Marienplatz oder Sendlinger Tor
apply = Nehmen
we-do-not-know-this-place = Diesen Ort kennen wir nicht. Schreiben Sie einen Platz. Oder eine Straße. Oder wählen Sie einen Stadt·teil.
or-choose-a-district = Oder wählen Sie einen Stadt·teil
district = – Stadt·teil –
no-sites = Keine Orte
all = Alle

## pages/my_data

unknown = unbekannt
fetching-your-data = Bitte warten. Wir holen Ihre Daten.
deleting-your-account = Bitte warten. Wir löschen Ihr Konto.
really-delete-your-account-the-portal = Wollen Sie Ihr Konto wirklich löschen? Dann vergessen wir Ihr Konto. Wir vergessen auch Ihre Adresse und Ihre E-Mail. Ihre Meldungen bleiben bei der Stadt. Aber ohne Ihren Namen. Das können Sie nicht mehr ändern.
yes-delete-my-account = Ja, Konto löschen
no-keep-it = Nein, behalten
for-that-you-sign-in-once = Dafür melden Sie sich noch einmal an. Zum Beispiel mit dem Ausweis. Danach geht es gleich weiter.
sign-in-again-at-the-higher = Noch einmal anmelden, höhere Stufe
please-sign-in-in-your-browser = Bitte melden Sie sich im Internet·browser an. Die App wartet.
cancel = Abbrechen
my-data = Meine Daten
everything-the-portal-holds-about-you = Hier bekommen Sie alle Daten über Sie. Die Daten sind in einer Datei. Zum Beispiel: Ihre Meldungen. Ihre Favoriten. Ihr Profil.
download-my-data = Meine Daten holen
delete-my-account = Konto löschen …

## pages/my_reports

loading-reports = Bitte warten. Die Meldungen laden.
nothing-has-been-reported-from-this = Von diesem Gerät gibt es noch keine Meldung.
waiting-to-be-sent-it-goes = Die Meldung wartet. Sie geht von allein weg. Das passiert, wenn es wieder Internet gibt.
sent-status-cannot-be-fetched-right = Gesendet. Wir wissen gerade nicht mehr.
status = So ist es jetzt:{" "}
from-your-account-sent-on-another = Von Ihrem Konto. Sie haben es mit einem anderen Gerät gesendet.
reported-by-someone-else-you-said = Eine andere Person hat das gemeldet. Sie haben gesagt: Mich stört das auch.
what-you-entered-and-your-photos = Ihre Angaben und Fotos sind noch da. Sie können die Meldung ändern. Dann senden Sie sie noch einmal.
correct-and-send-again = Ändern und noch einmal senden
history = Was bisher passiert ist
my-reports = Meine Meldungen
new-report = Neue Meldung

## pages/notices

no-new-notifications = Keine neuen Nachrichten.
not-yet-with-the-portal-sent = Das ist noch nicht angekommen. Es geht weg, wenn es wieder Internet gibt.
show = Zeigen
this-is-where-you-hear-when = Hier bekommen Sie Nachrichten. Zum Beispiel: Ihre Meldung ist erledigt. Und Nachrichten von der Stadt. Unten wählen Sie die Themen und Stadt·teile.
no-notifications-on-this-topic = Zu diesem Thema gibt es keine Nachrichten.
new = Neu
open = Öffnen
mark-as-unread = Als neu markieren
mark-as-read = Als gelesen markieren
delete = Löschen
mark-all-as-read = Alle gelesen
settings = Einstellungen
also-show-as-a-desktop-notification = Nachrichten auch am Bild·schirm zeigen, wenn die App offen ist
topics-you-want-to-hear-about = Zu diesen Themen will ich Nachrichten
news-of-your-own-reports-always = Nachrichten zu Ihren Meldungen bekommen Sie immer.
districts-all-of-munich = Stadt·teile: ganz München
only-from-these-districts-none-chosen = Nur aus diesen Stadt·teilen. Wenn Sie keinen wählen: ganz München.
quiet-hours = Ruhe·zeit
no-desktop-notification-in-these-hours = In dieser Zeit keine Nachricht am Bild·schirm. Die Nachrichten bleiben hier.
from-2 = Von
until = Bis

## pages/personal

pin-this-area = Bereich merken
wi-fi-site = Internet·ort
capacity-finder = Plätze und Termine
report-category = Art von Meldung
area = Bereich
kept-on-this-device-only-sign = Nur auf diesem Gerät. Melden Sie sich an. Dann haben Sie Ihre Favoriten auf allen Geräten.
in-step-with-your-account-the = Auf allen Ihren Geräten gleich.
signing-in-is-not-set-up = Anmelden geht auf diesem Gerät nicht. Alles andere geht auch ohne Anmelden.
signed-in = Sie sind angemeldet
unknown-the-portal-could-not-be = unbekannt
reports-you-send-while-signed-in = Sie sind angemeldet. Dann gehören Ihre Meldungen zu Ihrem Konto. Sie sehen die Meldungen auch auf Ihren anderen Geräten.
sign-out = Abmelden
sign-in = Anmelden
with-your-account-m-login-or = Mit einem Konto sehen Sie Ihre Meldungen auf allen Geräten. Zum Beispiel mit M-Login oder BayernID. Melden geht auch ohne Konto.
where-a-higher-level-is-needed = Manchmal brauchen Sie eine höhere Stufe. Dann fragt die App Sie.
sign-in-in-the-browser = Im Internet·browser anmelden
none-yet-with-the-star-you = Sie haben noch nichts gemerkt. Drücken Sie auf den Stern. Dann merkt sich die App das. Zum Beispiel einen Internet·ort. Oder eine Such·seite.
no-longer-available = gibt es nicht mehr
remove-from-favourites = nicht mehr merken
remove = Weg·nehmen
to-the-capacity-finders = Zu Plätze und Termine

## pages/profile

loading-the-profile = Bitte warten. Ihr Profil lädt.
my-profile = Mein Profil
give-it-once-use-it-later = Sie schreiben Ihre Daten einmal auf. Später fragt die App: Soll ich die Daten nehmen? Sie entscheiden jedes Mal.
consent-revoked-your-profile-is-deleted = Sie wollen das nicht mehr. Ihr Profil ist gelöscht.
your-profile-is-saved = Ihr Profil ist gespeichert.
first-name = Vorname
last-name = Nachname
e-mail-address = E-Mail
postal-address = Adresse
preferred-language = Sprache
not-given = keine Angabe
save-profile = Profil speichern
revoke-consent-and-delete-the-profile = Nicht mehr einverstanden. Profil löschen.

## pages/report/choose

reports-in-progress = Angefangene Meldungen
kept-on-this-device-not-sent = Auf diesem Gerät gespeichert. Noch nicht gesendet.
saved = gespeichert
delete-draft = Löschen?
really-delete = Wirklich löschen?
yes-delete = Ja, löschen
keep = Behalten
continue = Weiter machen
what-is-broken-or-in-the = Was ist kaputt? Was stört? Wählen Sie eine Art.
search-categories = Art suchen
favourite-2 = Favorit

## pages/report/fill

required = {" "}(muss sein)
please-choose = – bitte wählen –
at-most-5-photos-per-report = Sie können höchstens 5 Fotos schicken.
the-photo-could-not-be-read = Das Foto geht nicht.
please-check = Bitte schauen Sie noch einmal:
what-you-enter-is-kept-on = Ihre Angaben bleiben auf diesem Gerät. Bis Sie die Meldung senden.
where-is-it-required = Wo ist es? (muss sein)
square-street-district-or-coordinates-e = Schreiben Sie einen Platz oder eine Straße. Zum Beispiel: Marienplatz.
we-cannot-place-this-exactly-it = Wir finden den Ort nicht genau. Wir schicken ihn als Adresse. Bitte schreiben Sie die Haus·nummer dazu. Und die Post·leit·zahl.
we-do-not-know-this-place-2 = Diesen Ort kennen wir nicht.
your-device-does-not-share-a-2 = Ihr Gerät sagt nicht, wo Sie sind. Bitte schreiben Sie den Ort auf.
choose-on-the-map = Auf der Karte wählen
description-optional = Was ist los? (Sie müssen nichts schreiben.)
photos-optional-up-to-5-at = Fotos (Sie müssen keine schicken. Höchstens 5 Fotos. Jedes Foto höchstens 10 MB.)
take-a-photo = Mit der Kamera ein Foto machen
location-and-camera-data-are-removed = Wir löschen aus den Fotos den Ort und die Daten von der Kamera.
chosen-photos = Ihre Fotos
e-mail-for-updates-optional = Ihre E-Mail für Antworten (Sie müssen keine angeben.)
use-the-e-mail-address-from = E-Mail aus meinem Profil nehmen
yes-the-city-may-contact-me = Ja, die Stadt darf mir zu dieser Meldung schreiben. Die Stadt nimmt die E-Mail nur dafür. Niemand sonst sieht die E-Mail.
continue-to-review = Weiter
other-category = Andere Art

## pages/report/mod

the-photo-is-larger-than-10 = Das Foto ist zu groß. Es darf höchstens 10 MB haben. Bitte nehmen Sie ein kleineres Foto.
this-file-is-not-a-photo = Das ist kein Foto. Bitte nehmen Sie ein Foto.
please-give-the-place-a-square = Bitte schreiben Sie den Ort auf. Zum Beispiel einen Platz. Oder eine Adresse mit Haus·nummer.
offline-you-can-still-report-the = Kein Internet. Sie können trotzdem melden. Die Meldung bleibt auf dem Gerät. Sie geht weg, wenn es wieder Internet gibt.
loading-categories = Bitte warten. Die Arten laden.

## pages/report/review

no-photo = kein Foto
check-your-report = Ist alles richtig?
category = Art
place = Ort
description = Was ist los?
photos = Fotos
updates-to = Antwort an
none-anonymous = niemand (ohne Namen)
already-reported-nearby = Das ist in der Nähe schon gemeldet
these-open-reports-of-the-same = Diese Meldungen sind ganz in der Nähe. Ist Ihre Meldung dabei? Dann weiß die Stadt es schon. Drücken Sie dann: Mich stört das auch. So weiß die Stadt: Das stört viele Menschen. Sie sehen die Meldung dann unter: Meine Meldungen.
no-description = ohne Text
i-am-affected-too-2 = Mich stört das auch
already-reported-do-not-send = Schon gemeldet. Nicht senden.
send-report = Meldung senden
change = Ändern
without-a-connection-the-report-is = Kein Internet? Dann bleibt die Meldung auf dem Gerät. Sie geht später weg. Nichts geht verloren.

## pages/report_endpoint

the-city-of-munich-default = die Stadt München
where-reports-go = Wohin gehen die Meldungen?
reports-go-to = Die Meldungen gehen an:
back-to-the-city-of-munich = Wieder an die Stadt München
choose-another-reporting-server-georeport-v2 = Andere Stelle für Meldungen wählen (GeoReport v2)
discovery-address = Adresse der Stelle
the-address-of-an-open311-georeport = Die Internet·adresse von der Datei discovery.json. Zum Beispiel: https://example.org/open311/discovery.json. Die Adresse muss mit https:// anfangen.
api-key-if-the-server-asks = Schlüssel (nur wenn die Stelle danach fragt)
jurisdiction-id-optional = Nummer vom Bereich (Sie müssen nichts angeben.)
checking-the-server = Bitte warten. Wir prüfen die Stelle.
check-and-use = Prüfen und nehmen

## i18n

the-city-s-server-cannot-be = Die Stadt ist gerade nicht erreichbar. Haben Sie Internet? Bitte versuchen Sie es später noch einmal.
the-city-s-server-answered-with = Bei der Stadt gibt es gerade einen Fehler. Bitte versuchen Sie es später noch einmal.
this-entry-was-not-found-please = Das gibt es nicht mehr. Bitte laden Sie die Liste neu.
the-map-could-not-be-opened = Die Karte geht nicht auf. Gibt es auf dem Gerät einen Internet·browser?
data-could-not-be-saved-on = Wir konnten die Daten auf dem Gerät nicht speichern.
the-app-could-not-do-this = Das hat nicht geklappt. Bitte machen Sie die App zu. Dann machen Sie die App wieder auf.
the-address-must-start-with-https = Die Adresse muss mit https:// anfangen. Dann sind die Meldungen sicher.
the-system-keyring-is-not-available = Das Gerät hat keinen sicheren Speicher für die Anmeldung. Ohne den können Sie sich nicht anmelden.
signing-in-was-not-completed-please = Das Anmelden hat nicht geklappt. Bitte versuchen Sie es noch einmal.
this-is-not-possible-on-this = Das geht auf diesem Gerät nicht. Viele Menschen benutzen das Gerät. Bitte nehmen Sie Ihr eigenes Gerät.
no-georeport-v2-json-reporting-service = Unter dieser Adresse gibt es keine Stelle für Meldungen. Bitte prüfen Sie die Adresse.
a-photo-could-not-be-processed = Ein Foto geht nicht. Bitte nehmen Sie es weg. Oder nehmen Sie ein anderes Foto.
this-needs-a-sign-in-at = Dafür brauchen Sie eine höhere Stufe. Zum Beispiel mit dem Ausweis.
the-data-of-the-last-session = Wir konnten nicht alles löschen. Das Gerät bleibt gesperrt. Bitte sagen Sie es den Helfern im Bürger-Lab.
just-now = gerade eben

## shared: counts, distances, states and kinds, the language chooser

access-points = { $n ->
    [one] { $n } Internet·punkt
   *[other] { $n } Internet·punkte
}
unread-count = { $n ->
    [one] { $n } neue Nachricht
   *[other] { $n } neue Nachrichten
}
distance-m = { $n } Meter
distance-km = { $n } Kilometer
finder-results = { $n ->
    [one] Wir haben { $n } Seite gefunden.
   *[other] Wir haben { $n } Seiten gefunden.
}
sites-nearest-first = { $n } Orte. Die nächsten Orte stehen oben. (Von: { $place })
sites-alphabetical = { $n } Orte. Nach dem ABC.
sign-in-with = Mit { $provider } anmelden
status-received = Angekommen
status-in-progress = Die Stadt arbeitet daran
status-scheduled = Die Stadt hat einen Termin
status-fixed = Erledigt
status-closed = Fertig
status-duplicate = Schon gemeldet
status-not-responsible = Die Stadt ist dafür nicht zuständig
level-1 = Stufe 1: Name und Pass·wort
level-2 = Stufe 2
level-3 = Stufe 3: mit ELSTER oder Authega
level-4 = Stufe 4: mit dem Ausweis
topic-report-status = Meine Meldungen
topic-road-works = Bau·stellen
topic-buerger-lab = Termine im Bürger-Lab
topic-warnings = Warnungen
finder-category-childcare = Kinder·betreuung
finder-category-care = Pflege
finder-category-birth = Geburt und Hebamme
finder-category-health = Gesundheit und Arzt
finder-category-housing = Wohnen
finder-category-social = Hilfe im Alltag
finder-category-crisis = Hilfe in Not
target-group-families = Familien
target-group-parents = Eltern
target-group-pregnant = Schwangere Frauen
target-group-older = Alte Menschen
target-group-relatives = Angehörige
target-group-disabilities = Menschen mit Behinderung
target-group-low-income = Menschen mit wenig Geld
target-group-everyone = Alle
language = Sprache

## whole sentences with values

kiosk-ends-in = Sie haben lange nichts gemacht. In { $n } Sekunden ist die Sitzung zu Ende. Dann löschen wir alles auf diesem Gerät. Ihre Meldungen gehen trotzdem weg.
map-cross-at = Das Kreuz ist hier: { $position } (Größe { $zoom })
distance-from = { $distance } (von { $place })
favourite-changes-waiting = { $n ->
    [one] { $n } Änderung wartet. Sie geht an Ihr Konto, wenn es wieder Internet gibt. Auf diesem Gerät gilt sie schon.
   *[other] { $n } Änderungen warten. Sie gehen an Ihr Konto, wenn es wieder Internet gibt. Auf diesem Gerät gelten sie schon.
}
signed-in-as = Sie sind angemeldet als: { $name }
signed-in-with-provider = Angemeldet mit: { $provider }
sign-in-level-is = Ihre Stufe: { $level }
sign-in-page-of-opens = Die Seite von { $provider } geht im Internet·browser auf: { $address }
sign-in-page-opens = Die Seite zum Anmelden geht im Internet·browser auf: { $address }
provider-offers-levels = Bei { $provider } gibt es diese Stufen:
account-deleted-kept = Ihr Konto ist gelöscht. Sie sind abgemeldet. Ihre Meldungen bleiben bei der Stadt. Aber ohne Ihren Namen. { $n ->
    [one] Das ist { $n } Meldung.
   *[other] Das sind { $n } Meldungen.
}
not-accepted-because = Die Stadt hat das nicht angenommen. Grund: { $reason }
reference-is = Nummer: { $number }
more-affected-count = { $n ->
    [one] Das stört noch { $n } Person.
   *[other] Das stört noch { $n } Personen.
}
correct-and-send-again-named = Ändern und noch einmal senden: { $name }
reported-on-date = Gemeldet am { $date }
new-notifications-count = { $n ->
    [one] { $n } neue Nachricht.
   *[other] { $n } neue Nachrichten.
}
open-named = Öffnen: { $name }
mark-as-unread-named = Als neu markieren: { $name }
mark-as-read-named = Als gelesen markieren: { $name }
delete-named = Löschen: { $name }
districts-chosen-count = Gewählte Stadt·teile: { $n }
current-data-as-of-date = Die Daten sind neu. Stand: { $date }
updating-saved-data-as-of-date = Wir holen neue Daten. Stand: { $date }
your-position-is = Ihr Ort: { $place }
all-kinds-count = Alle ({ $n })
directory-as-of-date = Die Liste ist neu. Stand: { $date }
updating-saved-directory-as-of-date = Wir holen eine neue Liste. Stand: { $date }
last-updated-date-age = Zuletzt neu: { $date } ({ $age })
run-by-operator = Von: { $operator }
languages-are = Sprachen: { $languages }
accessibility-is = Barriere·frei: { $text }
call-number = Anrufen: { $number }
address-last-checked-on-date = Adresse geprüft am { $date }
draft-saved-at = gespeichert am { $date }
continue-named = Weiter machen: { $name }
categories-count = { $n ->
    [one] { $n } Art
   *[other] { $n } Arten
}
place-found = Gefunden: { $place } ({ $position })
map-loads-from = Die Karte kommt von { $host }. Sie lädt erst, wenn Sie die Karte aufmachen.
remove-photo-named = Foto weg·nehmen: { $name }
please-fill-in-field = Bitte ausfüllen: { $field }
please-give-a-number-for = Bitte eine Zahl schreiben: { $field }
more-affected-short = Das stört noch { $n }
i-am-affected-too-by = Mich stört das auch: { $id }
details-are = Genauer: { $detail }
saved-as-path = Gespeichert hier: { $path }
level-needed-export = Für Ihre Daten brauchen Sie diese Stufe: { $level }. Sie haben jetzt: { $reached }.
level-needed-delete = Zum Löschen von Ihrem Konto brauchen Sie diese Stufe: { $level }. Sie haben jetzt: { $reached }.
sites-from-date-age = Sie sehen die Orte vom { $date } ({ $age }).
photo-too-many-pixels = Das Foto ist zu groß ({ $width } × { $height }). Bitte nehmen Sie ein kleineres Foto.
consented-on-version = Sie waren einverstanden am { $date } (Text Nummer { $version }).
text-version-is = (Text Nummer { $version })

## the city's look: banners and the report's steps

severity-info = Hinweis
severity-success = Erledigt
severity-warning = Achtung
severity-emergency = Gefahr
report-steps = So melden Sie etwas
step-category = Art wählen
step-details = Angaben machen
step-check-and-send = Prüfen und senden

## the hotspot map and the kinds of sites

show-on-map = Auf der Karte zeigen
site-map-help = Auf der Karte sehen Sie die Orte aus der Liste. Sie können die Karte schieben: mit den Pfeil·tasten, mit den Knöpfen oder mit dem Finger. Mit + wird die Karte größer. Mit − wird sie kleiner. Eine Zahl heißt: Hier sind mehrere Orte. Drücken Sie auf die Zahl. Dann sehen Sie die Orte.
map-of-the-wi-fi-sites = Karte mit den Internet·orten
sites-here-zoom-in = Hier sind { $n } Orte. Größer machen.
the-map-cannot-be-reached-the-list = Die Karte geht gerade nicht. In der Liste sehen Sie alle Orte.
kind-tram = Tram·halte·stelle (Linie { $lines })
kind-tram-why = Freies Internet an den Halte·stellen von dieser Tram.
kind-square = Platz
kind-square-why = Freies Internet draußen auf einem Platz.
kind-info-pillar = Info·säule (TOS)
kind-info-pillar-why = Freies Internet an einer Säule mit Informationen.
kind-square-and-pillar = Platz mit Info·säule (TOS)
kind-smarter-city = Projekt Smarter City
kind-smarter-city-why = Freies Internet aus einem Projekt von der Stadt.
kind-mobility = Mobilitäts·station
kind-mobility-why = Hier können Sie umsteigen. Zum Beispiel vom Bus auf ein Leih·rad.
kind-swm = Stadt·werke München
kind-swm-why = Ein Ort von den Stadt·werken. Die Stadt·werke machen das freie Internet.
