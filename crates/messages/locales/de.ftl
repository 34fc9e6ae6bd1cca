# Texte der München-App auf Deutsch (die Ausgangssprache).
# Each message's id is what the code asks for (`t(lang, "id")`); placeables
# such as { $n } are filled in by the app. Sections follow the screens.


## app

skip-to-content = Zum Inhalt springen
munich-app = München App
areas = Bereiche
area-short-hotspots = WLAN
area-short-report = Melden
area-short-finders = Finder
area-short-notices = Nachrichten
area-short-personal = Mein Bereich
main-navigation = Hauptnavigation
end-session = Sitzung beenden
start-page = Startseite
open-source-software-of-the-city = Offene Software der Landeshauptstadt München.

## areas/hotspots

loading = Wird geladen …

## kiosk

are-you-still-there = Sind Sie noch da?
keep-using = Weiter benutzen
end-session-now = Sitzung jetzt beenden
device-locked = Gerät gesperrt
for-the-team = Für das Team:{" "}
delete-again = Erneut löschen

## map

move-the-map-until-the-cross = Verschieben Sie die Karte, bis das Kreuz auf der Stelle liegt: mit den Pfeiltasten, den Knöpfen, durch Ziehen oder durch Antippen. + und − zoomen.
map = Karte
map-to-choose-the-place = Karte zum Wählen des Ortes
the-map-cannot-be-reached-right = Die Karte ist gerade nicht erreichbar. Bitte geben Sie den Ort als Text ein.
move-map-north = Karte nach Norden verschieben
move-map-west = Karte nach Westen verschieben
move-map-east = Karte nach Osten verschieben
move-map-south = Karte nach Süden verschieben
zoom-in = Hineinzoomen
zoom-out = Herauszoomen
map-data-openstreetmap-contributors-odbl = Kartendaten © OpenStreetMap-Mitwirkende (ODbL)
use-this-point = Diesen Punkt übernehmen
close-map = Karte schließen

## pages/finders

loading-the-directory = Verzeichnis wird geladen …
the-directory-could-not-be-loaded = Das Verzeichnis konnte nicht geladen werden.
reload = Erneut laden
offline-saved-directory = Offline: gespeichertes Verzeichnis
your-favourites = Ihre Favoriten
search-portals = Suchportale
nothing-found-try-another-word-for = Nichts gefunden. Versuchen Sie ein anderes Wort, zum Beispiel „Kita“, „Pflege“ oder „Arzt“, oder entfernen Sie einen Filter.
capacity-finders = Kapazitätsfinder
find-free-places-and-appointments-the = Freie Plätze und Termine finden: die Suchportale der Stadt und ihrer Partner für Kinderbetreuung, Pflege, Hebammen, Arzttermine, Wohnen und mehr – an einem Ort.
what-are-you-looking-for = Wonach suchen Sie?
for-example-childcare-nursing-home-midwife = Zum Beispiel: Kita, Pflegeheim, Hebamme, Arzttermin
topic = Thema
all-topics = Alle Themen
for-whom = Für wen?
everyone = Alle
requires-an-account-with-the-provider = Anmeldung beim Anbieter nötig
open-website = Website öffnen
favourite = ★ Favorit
add-to-favourites = ☆ Als Favorit merken

## pages/home

coming-soon = In Vorbereitung
welcome-to-the-munich-app = Willkommen in der München App
services-of-the-city-of-munich = Dienste der Landeshauptstadt München an einem Ort. Wählen Sie einen Bereich.
free-wi-fi-m-wlan = Freies WLAN (M-WLAN)
find-the-city-s-free-wi = Kostenlose WLAN-Hotspots der Stadt in Ihrer Nähe finden.
report-an-issue = Anliegen melden
report-damage-and-problems-in-the = Schäden und Probleme im Stadtgebiet melden und verfolgen.
childcare-care-midwives-doctors-the-search = Kita, Pflege, Hebammen, Ärzte: die Suchportale an einem Ort.
notifications = Benachrichtigungen
what-happened-with-your-reports = Was sich bei Ihren Meldungen getan hat.
personal-area = Persönlicher Bereich
sign-in-with-m-login-or = Anmeldung mit M-Login oder BayernID, Ihre Meldungen auf allen Geräten.

## pages/hotspot_detail

offline-saved-data = Offline: gespeicherte Daten.
address = Adresse
kind-of-site = Art des Standorts
wi-fi-access-points = WLAN-Zugangspunkte
distance = Entfernung
network-name = Netzwerkname
coordinates = Koordinaten
open-in-map-openstreetmap = In Karte öffnen (OpenStreetMap)
back-to-the-list = Zurück zur Liste
the-map-opens-in-your-web = Die Karte öffnet sich in Ihrem Webbrowser.

## pages/hotspots

find-free-wi-fi = Freies WLAN finden
m-wlan-is-the-city-of = M-WLAN ist das kostenlose WLAN der Stadt München – ohne Anmeldung. Wählen Sie Ihren Standort, um die nächsten Hotspots zu sehen.
loading-sites = Standorte werden geladen …
the-sites-could-not-be-loaded = Die Standorte konnten nicht geladen werden.
no-sites-are-stored-on-this = Auf diesem Gerät sind noch keine Standorte gespeichert.
refresh = Aktualisieren
offline-saved-data-2 = Offline: gespeicherte Daten
no-position-chosen-yet = Noch kein Standort gewählt.
position = Standort
use-my-location = Meinen Standort verwenden
enter-a-place-or-district = Ort oder Stadtbezirk eingeben
finding-your-location = Standort wird ermittelt …
your-device-does-not-share-a = Ihr Gerät gibt keinen Standort an. Bitte geben Sie einen Ort ein oder wählen Sie einen Stadtbezirk.
place-address-or-coordinates = Ort, Adresse oder Koordinaten
for-example-marienplatz-sendlinger-tor-or = Zum Beispiel: Marienplatz, Sendlinger Tor oder 48.137, 11.575
apply = Übernehmen
we-do-not-know-this-place = Diesen Ort kennen wir nicht. Versuchen Sie einen Platz, eine Straße aus der Liste, einen Stadtbezirk oder Koordinaten.
or-choose-a-district = Oder Stadtbezirk wählen
district = – Stadtbezirk –
no-sites = Keine Standorte
all = Alle

## pages/my_data

unknown = unbekannt
fetching-your-data = Ihre Daten werden abgerufen …
deleting-your-account = Ihr Konto wird gelöscht …
really-delete-your-account-the-portal = Konto wirklich löschen? Das Portal vergisst Ihr Konto und alle Kontaktdaten. Ihre Meldungen bleiben für die Stadt erhalten, aber ohne Ihren Namen, Ihre Kontaktdaten und Ihr Konto. Das kann nicht rückgängig gemacht werden.
yes-delete-my-account = Ja, Konto löschen
no-keep-it = Nein, behalten
for-that-you-sign-in-once = Dafür melden Sie sich noch einmal an, zum Beispiel mit Ihrem ELSTER-Zertifikat oder dem Online-Ausweis. Danach geht es gleich weiter.
sign-in-again-at-the-higher = Erneut anmelden, höhere Stufe
please-sign-in-in-your-browser = Bitte melden Sie sich im Browser an. Die App wartet …
cancel = Abbrechen
my-data = Meine Daten
everything-the-portal-holds-about-you = Alles, was das Portal über Sie gespeichert hat, als Datei (JSON): Ihre Meldungen mit den Kontaktdaten, die Sie dazu angegeben haben, Ihre Favoriten, Ihr Profil und Ihre Einwilligungen.
download-my-data = Meine Daten herunterladen
delete-my-account = Konto löschen …

## pages/my_reports

loading-reports = Meldungen werden geladen …
nothing-has-been-reported-from-this = Von diesem Gerät wurde noch nichts gemeldet.
waiting-to-be-sent-it-goes = Wartet auf Versand – wird automatisch gesendet, sobald der Server erreichbar ist.
sent-status-cannot-be-fetched-right = Gesendet (Stand gerade nicht abrufbar)
status = Stand:{" "}
from-your-account-sent-on-another = Aus Ihrem Konto – auf einem anderen Gerät gesendet.
reported-by-someone-else-you-said = Von jemand anderem gemeldet – Sie haben „Ich bin auch betroffen“ gesagt.
what-you-entered-and-your-photos = Ihre Angaben und Fotos sind gespeichert. Sie können die Meldung korrigieren und erneut senden.
correct-and-send-again = Korrigieren und erneut senden
history = Verlauf
my-reports = Meine Meldungen
new-report = Neue Meldung

## pages/notices

no-new-notifications = Keine neuen Benachrichtigungen.
not-yet-with-the-portal-sent = Noch nicht beim Portal: wird gesendet, sobald es antwortet.
show = Anzeigen
this-is-where-you-hear-when = Hier erscheint, wenn sich der Stand einer Ihrer Meldungen ändert – auch bei Meldungen, bei denen Sie „Ich bin auch betroffen“ gesagt haben –, und was die Stadt zu den Themen und Stadtbezirken mitteilt, die Sie unten wählen.
no-notifications-on-this-topic = Keine Benachrichtigungen zu diesem Thema.
new = Neu
open = Öffnen
mark-as-unread = Als ungelesen markieren
mark-as-read = Als gelesen markieren
delete = Löschen
mark-all-as-read = Alle als gelesen markieren
settings = Einstellungen
also-show-as-a-desktop-notification = Auch als Mitteilung auf dem Bildschirm anzeigen, wenn die App läuft
topics-you-want-to-hear-about = Themen, über die Sie informiert werden möchten
news-of-your-own-reports-always = Neuigkeiten zu Ihren eigenen Meldungen kommen immer.
districts-all-of-munich = Stadtbezirke: ganz München
only-from-these-districts-none-chosen = Nur aus diesen Stadtbezirken (keiner gewählt: ganz München)
quiet-hours = Ruhezeiten
no-desktop-notification-in-these-hours = In diesen Stunden keine Mitteilung auf dem Bildschirm (die Benachrichtigungen bleiben hier)
from-2 = Von
until = Bis

## pages/personal

pin-this-area = Bereich merken
wi-fi-site = WLAN-Standort
capacity-finder = Kapazitätsfinder
report-category = Meldungskategorie
area = Bereich
kept-on-this-device-only-sign = Nur auf diesem Gerät gespeichert. Melden Sie sich an, um Ihre Favoriten auf allen Geräten zu haben.
in-step-with-your-account-the = Mit Ihrem Konto abgeglichen: auf allen Ihren Geräten gleich.
signing-in-is-not-set-up = Die Anmeldung ist auf diesem Gerät nicht eingerichtet. Alles andere funktioniert ohne Anmeldung.
signed-in = Angemeldet
unknown-the-portal-could-not-be = unbekannt (das Portal war bei der Anmeldung nicht erreichbar)
reports-you-send-while-signed-in = Meldungen, die Sie angemeldet senden, gehören zu Ihrem Konto: Sie sehen sie unter „Meine Meldungen“ auch auf Ihren anderen Geräten.
sign-out = Abmelden
sign-in = Anmelden
with-your-account-m-login-or = Mit Ihrem Konto (M-Login oder BayernID) sehen Sie Ihre Meldungen auf allen Ihren Geräten. Melden geht auch ohne Anmeldung.
where-a-higher-level-is-needed = Wofür eine höhere Stufe nötig ist, fragt die App Sie dann, wenn es so weit ist.
sign-in-in-the-browser = Im Browser anmelden
none-yet-with-the-star-you = Noch keine. Mit dem Stern merken Sie sich WLAN-Standorte, Suchportale im Kapazitätsfinder, Meldungskategorien und mit „Bereich merken“ ganze Bereiche der App.
no-longer-available = nicht mehr verfügbar
remove-from-favourites = aus den Favoriten entfernen
remove = Entfernen
to-the-capacity-finders = Zum Kapazitätsfinder

## pages/profile

loading-the-profile = Profil wird geladen …
my-profile = Mein Profil
give-it-once-use-it-later = Einmal angeben, später einsetzen: Formulare bieten Ihnen diese Angaben an, und Sie entscheiden jedes Mal.
consent-revoked-your-profile-is-deleted = Einwilligung widerrufen; Ihr Profil ist gelöscht.
your-profile-is-saved = Ihr Profil ist gespeichert.
first-name = Vorname
last-name = Nachname
e-mail-address = E-Mail-Adresse
postal-address = Postanschrift
preferred-language = Bevorzugte Sprache
not-given = keine Angabe
save-profile = Profil speichern
revoke-consent-and-delete-the-profile = Einwilligung widerrufen und Profil löschen

## pages/report/choose

reports-in-progress = Angefangene Meldungen
kept-on-this-device-not-sent = Auf diesem Gerät gespeichert, noch nicht gesendet.
saved = gespeichert
delete-draft = Entwurf löschen?
really-delete = Wirklich löschen?
yes-delete = Ja, löschen
keep = Behalten
continue = Fortsetzen
what-is-broken-or-in-the = Was ist kaputt oder stört? Wählen Sie eine Kategorie.
search-categories = Kategorie suchen
favourite-2 = Favorit

## pages/report/fill

required = {" "}(Pflichtfeld)
please-choose = – bitte wählen –
at-most-5-photos-per-report = Höchstens 5 Fotos pro Meldung.
the-photo-could-not-be-read = Das Foto konnte nicht gelesen werden.
please-check = Bitte prüfen Sie:
what-you-enter-is-kept-on = Ihre Eingaben werden auf diesem Gerät als Entwurf gespeichert, bis Sie die Meldung senden.
where-is-it-required = Wo ist es? (Pflichtfeld)
square-street-district-or-coordinates-e = Platz, Straße, Stadtbezirk oder Koordinaten, z. B. Marienplatz oder 48.137, 11.575
we-cannot-place-this-exactly-it = Diesen Ort kennen wir nicht genau. Er wird als Adresse übermittelt – bitte mit Hausnummer und möglichst Postleitzahl.
we-do-not-know-this-place-2 = Diesen Ort kennen wir nicht.
your-device-does-not-share-a-2 = Ihr Gerät gibt keinen Standort an. Bitte geben Sie den Ort ein.
choose-on-the-map = Auf der Karte wählen
description-optional = Beschreibung (freiwillig)
photos-optional-up-to-5-at = Fotos (freiwillig, bis zu 5, je höchstens 10 MB)
take-a-photo = Foto mit der Kamera aufnehmen
location-and-camera-data-are-removed = Standort- und Kameradaten werden vor dem Speichern entfernt.
chosen-photos = Gewählte Fotos
e-mail-for-updates-optional = E-Mail für Rückmeldungen (freiwillig)
use-the-e-mail-address-from = E-Mail-Adresse aus meinem Profil einsetzen
yes-the-city-may-contact-me = Ja, die Stadt darf mich unter dieser Adresse zu dieser Meldung kontaktieren. Die Adresse wird nur dafür genutzt und nicht veröffentlicht.
continue-to-review = Weiter zur Übersicht
other-category = Andere Kategorie

## pages/report/mod

the-photo-is-larger-than-10 = Das Foto ist größer als 10 MB. Bitte wählen Sie ein kleineres Foto.
this-file-is-not-a-photo = Diese Datei ist kein Foto. Erlaubt sind JPEG, PNG und WebP.
please-give-the-place-a-square = Bitte geben Sie den Ort an: einen Platz, eine Adresse mit Hausnummer oder Koordinaten.
offline-you-can-still-report-the = Offline: Sie können trotzdem melden. Die Meldung wird auf diesem Gerät gespeichert und gesendet, sobald der Server erreichbar ist.
loading-categories = Kategorien werden geladen …

## pages/report/review

no-photo = kein Foto
check-your-report = Ihre Meldung prüfen
category = Kategorie
place = Ort
description = Beschreibung
photos = Fotos
updates-to = Rückmeldung an
none-anonymous = keine (anonym)
already-reported-nearby = In der Nähe schon gemeldet
these-open-reports-of-the-same = Diese offenen Meldungen derselben Kategorie liegen ganz in der Nähe. Ist Ihr Anliegen dabei, kennt die Stadt es schon: Sagen Sie „Ich bin auch betroffen“ – das zeigt der Stadt, wie viele es stört, und Sie sehen den Stand unter „Meine Meldungen“.
no-description = ohne Beschreibung
i-am-affected-too-2 = Ich bin auch betroffen
already-reported-do-not-send = Ist schon gemeldet – nicht senden
send-report = Meldung absenden
change = Ändern
without-a-connection-the-report-is = Ohne Verbindung wird die Meldung auf diesem Gerät gespeichert und später gesendet. Es geht nichts verloren.

## pages/report_endpoint

the-city-of-munich-default = die Landeshauptstadt München (Standard)
where-reports-go = Meldestelle
reports-go-to = Meldungen gehen an
back-to-the-city-of-munich = Zurück zur Stadt München
choose-another-reporting-server-georeport-v2 = Andere Meldestelle wählen (GeoReport v2)
discovery-address = Discovery-Adresse
the-address-of-an-open311-georeport = Die Adresse der discovery.json eines Open311-GeoReport-v2-Servers, z. B. https://beispiel.de/open311/discovery.json. Sie muss mit https:// beginnen.
api-key-if-the-server-asks = API-Schlüssel (falls der Server einen verlangt)
jurisdiction-id-optional = Jurisdiction-ID (freiwillig)
checking-the-server = Server wird geprüft …
check-and-use = Prüfen und übernehmen

## i18n

the-city-s-server-cannot-be = Der Server der Stadt ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es später noch einmal.
the-city-s-server-answered-with = Der Server der Stadt hat mit einem Fehler geantwortet. Bitte versuchen Sie es später noch einmal.
this-entry-was-not-found-please = Dieser Eintrag wurde nicht gefunden. Bitte laden Sie die Liste neu.
the-map-could-not-be-opened = Die Karte konnte nicht geöffnet werden. Ist ein Webbrowser installiert?
data-could-not-be-saved-on = Daten konnten auf diesem Gerät nicht gespeichert werden.
the-app-could-not-do-this = Die App konnte diese Aktion nicht ausführen. Bitte starten Sie die App neu.
the-address-must-start-with-https = Die Adresse muss mit https:// beginnen, damit Meldungen verschlüsselt übertragen werden.
the-system-keyring-is-not-available = Der Schlüsselbund des Systems ist nicht verfügbar. Ohne ihn kann sich die App nicht sicher anmelden.
signing-in-was-not-completed-please = Die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.
this-is-not-possible-on-this = Auf diesem öffentlichen Gerät ist das nicht möglich. Nutzen Sie dafür Ihr eigenes Gerät.
no-georeport-v2-json-reporting-service = Unter dieser Adresse antwortet kein Meldedienst nach GeoReport v2 (JSON). Bitte prüfen Sie die Discovery-Adresse.
a-photo-could-not-be-processed = Ein Foto konnte nicht verarbeitet werden. Bitte entfernen Sie es oder wählen Sie ein anderes.
this-needs-a-sign-in-at = Dafür ist eine Anmeldung mit einer höheren Stufe nötig (zum Beispiel mit dem ELSTER-Zertifikat oder dem Online-Ausweis).
the-data-of-the-last-session = Die Daten der letzten Sitzung konnten nicht vollständig gelöscht werden. Das Gerät bleibt gesperrt. Bitte sagen Sie dem Team des Bürger-Labs Bescheid.
just-now = gerade eben

## shared: counts, distances, states and kinds, the language chooser

access-points = { $n ->
    [one] { $n } Zugangspunkt
   *[other] { $n } Zugangspunkte
}
unread-count = { $n ->
    [one] { $n } ungelesen
   *[other] { $n } ungelesen
}
distance-m = { $n } m
distance-km = { $n } km
finder-results = { $n } Treffer
sites-nearest-first = { $n } Standorte, die nächsten zuerst (ab { $place })
sites-alphabetical = { $n } Standorte, alphabetisch
sign-in-with = Mit { $provider } anmelden
status-received = Eingegangen
status-in-progress = In Bearbeitung
status-scheduled = Eingeplant
status-fixed = Erledigt
status-closed = Abgeschlossen
status-duplicate = Bereits gemeldet
status-not-responsible = Nicht Sache der Stadt
level-1 = Stufe 1: Benutzername und Passwort
level-2 = Stufe 2
level-3 = Stufe 3, substantiell: ELSTER-Zertifikat oder Authega
level-4 = Stufe 4, hoch: Online-Ausweis (eID)
topic-report-status = Meine Meldungen
topic-road-works = Baustellen
topic-buerger-lab = Bürger-Lab-Termine
topic-warnings = Warnungen
finder-category-childcare = Kinderbetreuung
finder-category-care = Pflege
finder-category-birth = Geburt und Hebammen
finder-category-health = Gesundheit und Arzttermine
finder-category-housing = Wohnen
finder-category-social = Soziale Hilfe
finder-category-crisis = Hilfe in Krisen
target-group-families = Familien
target-group-parents = Eltern
target-group-pregnant = Schwangere
target-group-older = Ältere Menschen
target-group-relatives = Angehörige
target-group-disabilities = Menschen mit Behinderung
target-group-low-income = Menschen mit wenig Geld
target-group-everyone = Alle
language = Sprache

## whole sentences with values

kiosk-ends-in = Ohne Eingabe endet Ihre Sitzung in { $n } Sekunden. Dann wird alles gelöscht, was Sie auf diesem Gerät eingegeben haben; Meldungen, die noch warten, werden trotzdem gesendet.
map-cross-at = Kreuz bei { $position } (Zoomstufe { $zoom })
distance-from = { $distance } (ab { $place })
favourite-changes-waiting = { $n ->
    [one] { $n } Änderung wird an Ihr Konto übertragen, sobald das Portal erreichbar ist. Auf diesem Gerät gilt sie schon.
   *[other] { $n } Änderungen werden an Ihr Konto übertragen, sobald das Portal erreichbar ist. Auf diesem Gerät gelten sie schon.
}
signed-in-as = Sie sind angemeldet als { $name }
signed-in-with-provider = Angemeldet mit { $provider }
sign-in-level-is = Anmeldestufe: { $level }
sign-in-page-of-opens = Die Anmeldeseite von { $provider } öffnet sich in Ihrem Browser: { $address }
sign-in-page-opens = Die Anmeldeseite öffnet sich in Ihrem Browser: { $address }
provider-offers-levels = { $provider } bietet diese Anmeldestufen:
account-deleted-kept = Ihr Konto ist gelöscht und Sie sind abgemeldet. Für die Stadt bleiben ohne Ihre Daten erhalten: { $n ->
    [one] { $n } Meldung.
   *[other] { $n } Meldungen.
}
not-accepted-because = Nicht angenommen: { $reason }
reference-is = Vorgangsnummer: { $number }
more-affected-count = { $n ->
    [one] { $n } Person ist auch betroffen.
   *[other] { $n } Personen sind auch betroffen.
}
correct-and-send-again-named = Korrigieren und erneut senden: { $name }
reported-on-date = Gemeldet am { $date }
new-notifications-count = { $n ->
    [one] { $n } neue Benachrichtigung.
   *[other] { $n } neue Benachrichtigungen.
}
open-named = Öffnen: { $name }
mark-as-unread-named = Als ungelesen markieren: { $name }
mark-as-read-named = Als gelesen markieren: { $name }
delete-named = Löschen: { $name }
districts-chosen-count = Stadtbezirke gewählt: { $n }
current-data-as-of-date = Aktuelle Daten, Stand: { $date }
updating-saved-data-as-of-date = Gespeicherte Daten werden aktualisiert. Stand: { $date }
your-position-is = Ihr Standort: { $place }
all-kinds-count = Alle ({ $n })
directory-as-of-date = Verzeichnis aktuell, Stand: { $date }
updating-saved-directory-as-of-date = Gespeichertes Verzeichnis wird aktualisiert. Stand: { $date }
last-updated-date-age = Zuletzt aktualisiert: { $date } ({ $age })
run-by-operator = Betrieben von { $operator }
languages-are = Sprachen: { $languages }
accessibility-is = Barrierefreiheit: { $text }
call-number = Anrufen: { $number }
address-last-checked-on-date = Adresse zuletzt geprüft am { $date }
draft-saved-at = gespeichert { $date }
continue-named = Fortsetzen: { $name }
categories-count = { $n ->
    [one] { $n } Kategorie
   *[other] { $n } Kategorien
}
place-found = Erkannt: { $place } ({ $position })
map-loads-from = Die Karte wird erst geladen, wenn Sie sie öffnen, von { $host }.
remove-photo-named = Foto entfernen: { $name }
please-fill-in-field = Bitte ausfüllen: { $field }
please-give-a-number-for = Bitte eine Zahl angeben: { $field }
more-affected-short = { $n } weitere betroffen
i-am-affected-too-by = Ich bin auch betroffen: { $id }
details-are = Einzelheiten: { $detail }
saved-as-path = Gespeichert unter: { $path }
level-needed-export = Für Ihre Daten ist eine Anmeldung nötig mit { $level }. Sie sind angemeldet mit { $reached }.
level-needed-delete = Zum Löschen Ihres Kontos ist eine Anmeldung nötig mit { $level }. Sie sind angemeldet mit { $reached }.
sites-from-date-age = Sie sehen die Standorte vom { $date } ({ $age }).
photo-too-many-pixels = Das Foto hat zu viele Bildpunkte ({ $width } × { $height }) – höchstens 40 Megapixel. Bitte wählen Sie ein kleineres Foto.
consented-on-version = Sie haben eingewilligt am { $date } (Textfassung { $version }).
text-version-is = (Textfassung { $version })

## the city's look: banners and the report's steps

severity-info = Hinweis
severity-success = Erledigt
severity-warning = Warnung
severity-emergency = Notfall
report-steps = Schritte der Meldung
step-category = Kategorie
step-details = Angaben
step-check-and-send = Prüfen und senden

## the hotspot map and the kinds of sites
# "TOS" and "Smarter City" are the open data's own names; what they stand
# for is to be confirmed with the IT-Referat (the texts say only what is sure).

show-on-map = Auf der Karte zeigen
site-map-help = Die Karte zeigt die Standorte der Liste. Verschieben mit den Pfeiltasten, den Knöpfen oder durch Ziehen, + und − zoomen. Eine Zahl steht für mehrere Standorte: Drücken zoomt hinein. Ein Standort gedrückt wird in der Liste gezeigt.
map-of-the-wi-fi-sites = Karte der WLAN-Standorte
sites-here-zoom-in = { $n } Standorte hier, hineinzoomen
the-map-cannot-be-reached-the-list = Die Karte ist gerade nicht erreichbar. Die Liste zeigt alle Standorte.
kind-tram = Tramhaltestelle (Linie { $lines })
kind-tram-why = M-WLAN an den Haltestellen dieser Tramlinie.
kind-square = Öffentlicher Platz
kind-square-why = M-WLAN im Freien auf einem Platz oder an einer Straße.
kind-info-pillar = Infosäule (TOS)
kind-info-pillar-why = In den offenen Daten der Stadt „TOS“ genannt: M-WLAN an Informationssäulen im öffentlichen Raum.
kind-square-and-pillar = Öffentlicher Platz mit Infosäule (TOS)
kind-smarter-city = Projekt „Smarter City“
kind-smarter-city-why = M-WLAN aus einem Projekt der Stadt für vernetzte Stadtteile.
kind-mobility = Mobilitätsstation
kind-mobility-why = Eine Station, an der Sie zwischen Bus, Tram, Leihrad und Carsharing wechseln können.
kind-swm = Stadtwerke München
kind-swm-why = Ein Standort der Stadtwerke München, die M-WLAN für die Stadt betreiben.
