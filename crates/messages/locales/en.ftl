# The München app's texts in English. Written by the project's developers
# beside the German; checked by them, not by a professional translator.


## app

skip-to-content = Skip to content
munich-app = Munich app
areas = Areas
area-short-hotspots = Wi-Fi
area-short-report = Report
area-short-finders = Finders
area-short-notices = Messages
area-short-personal = My area
main-navigation = Main navigation
end-session = End session
start-page = Start page
open-source-software-of-the-city = Open-source software of the City of Munich.

## areas/hotspots

loading = Loading …

## kiosk

are-you-still-there = Are you still there?
keep-using = Keep using
end-session-now = End session now
device-locked = Device locked
for-the-team = For the team:{" "}
delete-again = Delete again

## map

move-the-map-until-the-cross = Move the map until the cross is on the spot: with the arrow keys, the buttons, by dragging or by tapping. + and − zoom.
map = map
map-to-choose-the-place = Map to choose the place
the-map-cannot-be-reached-right = The map cannot be reached right now. Please type the place instead.
move-map-north = Move map north
move-map-west = Move map west
move-map-east = Move map east
move-map-south = Move map south
zoom-in = Zoom in
zoom-out = Zoom out
map-data-openstreetmap-contributors-odbl = Map data © OpenStreetMap contributors (ODbL)
use-this-point = Use this point
close-map = Close map

## pages/finders

loading-the-directory = Loading the directory …
the-directory-could-not-be-loaded = The directory could not be loaded.
reload = Reload
offline-saved-directory = Offline: saved directory
your-favourites = Your favourites
search-portals = Search portals
nothing-found-try-another-word-for = Nothing found. Try another word, for example “childcare”, “care” or “doctor”, or remove a filter.
capacity-finders = Capacity finders
find-free-places-and-appointments-the = Find free places and appointments: the search portals of the city and its partners for childcare, care, midwives, doctor's appointments, housing and more – in one place.
what-are-you-looking-for = What are you looking for?
for-example-childcare-nursing-home-midwife = For example: childcare, nursing home, midwife, doctor's appointment
topic = Topic
all-topics = All topics
for-whom = For whom?
everyone = Everyone
requires-an-account-with-the-provider = Requires an account with the provider
open-website = Open website
favourite = ★ Favourite
add-to-favourites = ☆ Add to favourites

## pages/home

coming-soon = Coming soon
welcome-to-the-munich-app = Welcome to the Munich app
services-of-the-city-of-munich = Services of the City of Munich in one place. Choose an area.
free-wi-fi-m-wlan = Free Wi-Fi (M-WLAN)
find-the-city-s-free-wi = Find the city's free Wi-Fi hotspots near you.
report-an-issue = Report an issue
report-damage-and-problems-in-the = Report damage and problems in the city and follow them up.
childcare-care-midwives-doctors-the-search = Childcare, care, midwives, doctors: the search portals in one place.
notifications = Notifications
what-happened-with-your-reports = What happened with your reports.
personal-area = Personal area
sign-in-with-m-login-or = Sign in with M-Login or BayernID, your reports on all your devices.

## pages/hotspot_detail

offline-saved-data = Offline: saved data.
address = Address
kind-of-site = Kind of site
wi-fi-access-points = Wi-Fi access points
distance = Distance
network-name = Network name
coordinates = Coordinates
open-in-map-openstreetmap = Open in map (OpenStreetMap)
back-to-the-list = Back to the list
the-map-opens-in-your-web = The map opens in your web browser.

## pages/hotspots

find-free-wi-fi = Find free Wi-Fi
m-wlan-is-the-city-of = M-WLAN is the City of Munich's free Wi-Fi – no sign-up needed. Choose your position to see the nearest hotspots.
loading-sites = Loading sites …
the-sites-could-not-be-loaded = The sites could not be loaded.
no-sites-are-stored-on-this = No sites are stored on this device yet.
refresh = Refresh
offline-saved-data-2 = Offline: saved data
no-position-chosen-yet = No position chosen yet.
position = Position
use-my-location = Use my location
enter-a-place-or-district = Enter a place or district
finding-your-location = Finding your location …
your-device-does-not-share-a = Your device does not share a location. Please type a place or choose a district.
place-address-or-coordinates = Place, address or coordinates
for-example-marienplatz-sendlinger-tor-or = For example: Marienplatz, Sendlinger Tor or 48.137, 11.575
apply = Apply
we-do-not-know-this-place = We do not know this place. Try a square, a street from the list, a district or coordinates.
or-choose-a-district = Or choose a district
district = – District –
no-sites = No sites
all = All

## pages/my_data

unknown = unknown
fetching-your-data = Fetching your data …
deleting-your-account = Deleting your account …
really-delete-your-account-the-portal = Really delete your account? The portal forgets your account and all contact details. Your reports stay with the city, but without your name, contact details and account. This cannot be undone.
yes-delete-my-account = Yes, delete my account
no-keep-it = No, keep it
for-that-you-sign-in-once = For that you sign in once more, for example with your ELSTER certificate or the eID card. Then it goes on right away.
sign-in-again-at-the-higher = Sign in again at the higher level
please-sign-in-in-your-browser = Please sign in in your browser. The app is waiting …
cancel = Cancel
my-data = My data
everything-the-portal-holds-about-you = Everything the portal holds about you, as a file (JSON): your reports with the contact details you gave with them, your favourites, your profile and your consents.
download-my-data = Download my data
delete-my-account = Delete my account …

## pages/my_reports

loading-reports = Loading reports …
nothing-has-been-reported-from-this = Nothing has been reported from this device yet.
waiting-to-be-sent-it-goes = Waiting to be sent – it goes out by itself as soon as the server can be reached.
sent-status-cannot-be-fetched-right = Sent (status cannot be fetched right now)
status = Status:{" "}
from-your-account-sent-on-another = From your account – sent on another device.
reported-by-someone-else-you-said = Reported by someone else – you said “I am affected too”.
what-you-entered-and-your-photos = What you entered and your photos are kept. You can correct the report and send it again.
correct-and-send-again = Correct and send again
history = History
my-reports = My reports
new-report = New report

## pages/notices

no-new-notifications = No new notifications.
not-yet-with-the-portal-sent = Not yet with the portal: sent as soon as it answers.
show = Show
this-is-where-you-hear-when = This is where you hear when the status of one of your reports changes – also of reports where you said “I am affected too” – and what the city announces on the topics and districts you choose below.
no-notifications-on-this-topic = No notifications on this topic.
new = New
open = Open
mark-as-unread = Mark as unread
mark-as-read = Mark as read
delete = Delete
mark-all-as-read = Mark all as read
settings = Settings
also-show-as-a-desktop-notification = Also show as a desktop notification while the app runs
topics-you-want-to-hear-about = Topics you want to hear about
news-of-your-own-reports-always = News of your own reports always comes.
districts-all-of-munich = Districts: all of Munich
only-from-these-districts-none-chosen = Only from these districts (none chosen: all of Munich)
quiet-hours = Quiet hours
no-desktop-notification-in-these-hours = No desktop notification in these hours (the notifications stay here)
from-2 = From
until = Until

## pages/personal

pin-this-area = Pin this area
wi-fi-site = Wi-Fi site
capacity-finder = Capacity finder
report-category = Report category
area = Area
kept-on-this-device-only-sign = Kept on this device only. Sign in to have your favourites on all your devices.
in-step-with-your-account-the = In step with your account: the same on all your devices.
signing-in-is-not-set-up = Signing in is not set up on this device. Everything else works without signing in.
signed-in = Signed in
unknown-the-portal-could-not-be = unknown (the portal could not be reached when you signed in)
reports-you-send-while-signed-in = Reports you send while signed in belong to your account: you see them in “My reports” on your other devices too.
sign-out = Sign out
sign-in = Sign in
with-your-account-m-login-or = With your account (M-Login or BayernID) you see your reports on all your devices. Reporting works without signing in too.
where-a-higher-level-is-needed = Where a higher level is needed, the app asks you when you get there.
sign-in-in-the-browser = Sign in in the browser
none-yet-with-the-star-you = None yet. With the star you keep Wi-Fi sites, search portals in the capacity finders, report categories and, with “Pin this area”, whole areas of the app.
no-longer-available = no longer available
remove-from-favourites = remove from favourites
remove = Remove
to-the-capacity-finders = To the capacity finders

## pages/profile

loading-the-profile = Loading the profile …
my-profile = My profile
give-it-once-use-it-later = Give it once, use it later: forms offer these details, and you decide each time.
consent-revoked-your-profile-is-deleted = Consent revoked; your profile is deleted.
your-profile-is-saved = Your profile is saved.
first-name = First name
last-name = Last name
e-mail-address = E-mail address
postal-address = Postal address
preferred-language = Preferred language
not-given = not given
save-profile = Save profile
revoke-consent-and-delete-the-profile = Revoke consent and delete the profile

## pages/report/choose

reports-in-progress = Reports in progress
kept-on-this-device-not-sent = Kept on this device, not sent yet.
saved = saved
delete-draft = Delete draft?
really-delete = Really delete?
yes-delete = Yes, delete
keep = Keep
continue = Continue
what-is-broken-or-in-the = What is broken or in the way? Choose a category.
search-categories = Search categories
favourite-2 = favourite

## pages/report/fill

required = {" "}(required)
please-choose = – please choose –
at-most-5-photos-per-report = At most 5 photos per report.
the-photo-could-not-be-read = The photo could not be read.
please-check = Please check:
what-you-enter-is-kept-on = What you enter is kept on this device as a draft until you send the report.
where-is-it-required = Where is it? (required)
square-street-district-or-coordinates-e = Square, street, district or coordinates, e.g. Marienplatz or 48.137, 11.575
we-cannot-place-this-exactly-it = We cannot place this exactly. It is sent as an address – please with house number and, if you can, postcode.
we-do-not-know-this-place-2 = We do not know this place.
your-device-does-not-share-a-2 = Your device does not share a location. Please type the place.
choose-on-the-map = Choose on the map
description-optional = Description (optional)
photos-optional-up-to-5-at = Photos (optional, up to 5, at most 10 MB each)
take-a-photo = Take a photo with the camera
location-and-camera-data-are-removed = Location and camera data are removed before the photos are stored.
chosen-photos = Chosen photos
e-mail-for-updates-optional = E-mail for updates (optional)
use-the-e-mail-address-from = Use the e-mail address from my profile
yes-the-city-may-contact-me = Yes, the city may contact me at this address about this report. It is used for nothing else and never published.
continue-to-review = Continue to review
other-category = Other category

## pages/report/mod

the-photo-is-larger-than-10 = The photo is larger than 10 MB. Please choose a smaller one.
this-file-is-not-a-photo = This file is not a photo. JPEG, PNG and WebP are accepted.
please-give-the-place-a-square = Please give the place: a square, an address with house number, or coordinates.
offline-you-can-still-report-the = Offline: you can still report. The report is kept on this device and sent as soon as the server can be reached.
loading-categories = Loading categories …

## pages/report/review

no-photo = no photo
check-your-report = Check your report
category = Category
place = Place
description = Description
photos = Photos
updates-to = Updates to
none-anonymous = none (anonymous)
already-reported-nearby = Already reported nearby
these-open-reports-of-the-same = These open reports of the same category are very close. If yours is among them, the city knows already: say “I am affected too” – it shows the city how many people it bothers, and you can follow it in “My reports”.
no-description = no description
i-am-affected-too-2 = I am affected too
already-reported-do-not-send = Already reported – do not send
send-report = Send report
change = Change
without-a-connection-the-report-is = Without a connection the report is kept on this device and sent later. Nothing is lost.

## pages/report_endpoint

the-city-of-munich-default = the City of Munich (default)
where-reports-go = Where reports go
reports-go-to = Reports go to
back-to-the-city-of-munich = Back to the City of Munich
choose-another-reporting-server-georeport-v2 = Choose another reporting server (GeoReport v2)
discovery-address = Discovery address
the-address-of-an-open311-georeport = The address of an Open311 GeoReport v2 server's discovery.json, e.g. https://example.org/open311/discovery.json. It must start with https://.
api-key-if-the-server-asks = API key (if the server asks for one)
jurisdiction-id-optional = Jurisdiction ID (optional)
checking-the-server = Checking the server …
check-and-use = Check and use

## i18n

the-city-s-server-cannot-be = The city's server cannot be reached right now. Please check your internet connection and try again later.
the-city-s-server-answered-with = The city's server answered with an error. Please try again later.
this-entry-was-not-found-please = This entry was not found. Please reload the list.
the-map-could-not-be-opened = The map could not be opened. Is a web browser installed?
data-could-not-be-saved-on = Data could not be saved on this device.
the-app-could-not-do-this = The app could not do this. Please restart the app.
the-address-must-start-with-https = The address must start with https:// so that reports are sent encrypted.
the-system-keyring-is-not-available = The system keyring is not available. Without it the app cannot sign in securely.
signing-in-was-not-completed-please = Signing in was not completed. Please try again.
this-is-not-possible-on-this = This is not possible on this public device. Please use your own device for it.
no-georeport-v2-json-reporting-service = No GeoReport v2 (JSON) reporting service answers at this address. Please check the discovery address.
a-photo-could-not-be-processed = A photo could not be processed. Please remove it or choose another one.
this-needs-a-sign-in-at = This needs a sign-in at a higher level (for example with the ELSTER certificate or the eID card).
the-data-of-the-last-session = The data of the last session could not all be deleted. The device stays locked. Please tell the Bürger-Lab team.
just-now = just now

## shared: counts, distances, states and kinds, the language chooser

access-points = { $n ->
    [one] { $n } access point
   *[other] { $n } access points
}
unread-count = { $n ->
    [one] { $n } unread
   *[other] { $n } unread
}
distance-m = { $n } m
distance-km = { $n } km
finder-results = { $n ->
    [one] { $n } result
   *[other] { $n } results
}
sites-nearest-first = { $n } sites, nearest first (from { $place })
sites-alphabetical = { $n } sites, alphabetical
sign-in-with = Sign in with { $provider }
status-received = Received
status-in-progress = In progress
status-scheduled = Scheduled
status-fixed = Fixed
status-closed = Closed
status-duplicate = Already reported
status-not-responsible = Not the city's responsibility
level-1 = Level 1: user name and password
level-2 = Level 2
level-3 = Level 3, substantial: ELSTER certificate or Authega
level-4 = Level 4, high: the eID card (Online-Ausweis)
topic-report-status = My reports
topic-road-works = Road works
topic-buerger-lab = Bürger-Lab events
topic-warnings = Warnings
finder-category-childcare = Childcare
finder-category-care = Care
finder-category-birth = Birth and midwives
finder-category-health = Health and doctor's appointments
finder-category-housing = Housing
finder-category-social = Social support
finder-category-crisis = Help in a crisis
target-group-families = Families
target-group-parents = Parents
target-group-pregnant = Pregnant women
target-group-older = Older people
target-group-relatives = Relatives
target-group-disabilities = People with disabilities
target-group-low-income = People on a low income
target-group-everyone = Everyone
language = Language

## whole sentences with values

kiosk-ends-in = Without input your session ends in { $n } seconds. Then everything you entered on this device is deleted; reports still waiting are sent all the same.
map-cross-at = Cross at { $position } (zoom level { $zoom })
distance-from = { $distance } (from { $place })
favourite-changes-waiting = { $n ->
    [one] { $n } change will be sent to your account as soon as the portal can be reached. On this device it applies already.
   *[other] { $n } changes will be sent to your account as soon as the portal can be reached. On this device they apply already.
}
signed-in-as = You are signed in as { $name }
signed-in-with-provider = Signed in with { $provider }
sign-in-level-is = Sign-in level: { $level }
sign-in-page-of-opens = The sign-in page of { $provider } opens in your browser: { $address }
sign-in-page-opens = The sign-in page opens in your browser: { $address }
provider-offers-levels = { $provider } offers these sign-in levels:
account-deleted-kept = Your account is deleted and you are signed out. Kept for the city, without your data: { $n ->
    [one] { $n } report.
   *[other] { $n } reports.
}
not-accepted-because = Not accepted: { $reason }
reference-is = Reference: { $number }
more-affected-count = { $n ->
    [one] { $n } more person is affected.
   *[other] { $n } more people are affected.
}
correct-and-send-again-named = Correct and send again: { $name }
reported-on-date = Reported on { $date }
new-notifications-count = { $n ->
    [one] { $n } new notification.
   *[other] { $n } new notifications.
}
open-named = Open: { $name }
mark-as-unread-named = Mark as unread: { $name }
mark-as-read-named = Mark as read: { $name }
delete-named = Delete: { $name }
districts-chosen-count = Districts chosen: { $n }
current-data-as-of-date = Current data as of { $date }
updating-saved-data-as-of-date = Updating the saved data. As of { $date }
your-position-is = Your position: { $place }
all-kinds-count = All ({ $n })
directory-as-of-date = Directory up to date as of { $date }
updating-saved-directory-as-of-date = Updating the saved directory. As of { $date }
last-updated-date-age = Last updated: { $date } ({ $age })
run-by-operator = Run by { $operator }
languages-are = Languages: { $languages }
accessibility-is = Accessibility: { $text }
call-number = Call: { $number }
address-last-checked-on-date = Address last checked on { $date }
draft-saved-at = saved { $date }
continue-named = Continue: { $name }
categories-count = { $n ->
    [one] { $n } category
   *[other] { $n } categories
}
place-found = Found: { $place } ({ $position })
map-loads-from = The map loads only when you open it, from { $host }.
remove-photo-named = Remove photo: { $name }
please-fill-in-field = Please fill in: { $field }
please-give-a-number-for = Please give a number: { $field }
more-affected-short = { $n } more affected
i-am-affected-too-by = I am affected too: { $id }
details-are = Details: { $detail }
saved-as-path = Saved as: { $path }
level-needed-export = Your data needs a sign-in at { $level }. You signed in at { $reached }.
level-needed-delete = Deleting your account needs a sign-in at { $level }. You signed in at { $reached }.
sites-from-date-age = You are seeing the sites from { $date } ({ $age }).
photo-too-many-pixels = The photo has too many pixels ({ $width } × { $height }) – at most 40 megapixels. Please choose a smaller one.
consented-on-version = You consented on { $date } (text version { $version }).
text-version-is = (text version { $version })

## the city's look: banners and the report's steps

severity-info = Note
severity-success = Done
severity-warning = Warning
severity-emergency = Emergency
report-steps = Steps of the report
step-category = Category
step-details = Details
step-check-and-send = Check and send

## the hotspot map and the kinds of sites

show-on-map = Show on the map
site-map-help = The map shows the sites of the list. Move it with the arrow keys, the buttons or by dragging, + and − zoom. A number stands for several sites: pressing it zooms in. A site pressed is shown in the list.
map-of-the-wi-fi-sites = Map of the Wi-Fi sites
sites-here-zoom-in = { $n } sites here, zoom in
the-map-cannot-be-reached-the-list = The map cannot be reached right now. The list shows every site.
kind-tram = Tram stop (line { $lines })
kind-tram-why = M-WLAN at the stops of this tram line.
kind-square = Public square
kind-square-why = M-WLAN outdoors on a square or a street.
kind-info-pillar = Information pillar (TOS)
kind-info-pillar-why = Called “TOS” in the city’s open data: M-WLAN at information pillars in public space.
kind-square-and-pillar = Public square with an information pillar (TOS)
kind-smarter-city = “Smarter City” project
kind-smarter-city-why = M-WLAN from a city project for connected neighbourhoods.
kind-mobility = Mobility hub
kind-mobility-why = A station where you can change between bus, tram, hire bikes and car sharing.
kind-swm = Stadtwerke München
kind-swm-why = A site of Stadtwerke München, who run M-WLAN for the city.
