# DukaDesk's own screens, in English. Each line is one message: the name
# on the left stays as it is; translate the words on the right. { $name }
# is a value the app puts in (a shop's name, a language).

## The navigation on the left
nav-till = Till
nav-catalogue = Catalogue
nav-settings = Settings
nav-inbox = Inbox
nav-test-chat = Test chat
nav-customers = Customers
nav-reports = Reports
nav-lock = Lock
nav-lock-title = Lock the till; staff sign in again with their PIN

## The till
till-search = Search order number or phone  ( / )
till-search-label = Search orders
till-new-order = New order
till-undo = Undo

## Settings
settings-title = Settings
settings-sections = Settings sections
settings-group-shop = Your shop
settings-group-connections = Connections
settings-group-people = People and privacy
settings-group-computer = This computer
settings-section-shop = Shop details
settings-section-hours = Opening hours
settings-section-delivery = Delivery zones
settings-section-mpesa = M-Pesa
settings-section-whatsapp = WhatsApp
settings-section-sync = Sync with other tills
settings-section-staff = Staff
settings-section-privacy = Privacy
settings-section-computer = Printer, secrets, updates

## Settings → This computer
appearance-title = Appearance
theme-dark-on = Dark theme: on
theme-dark-off = Dark theme: off
language-title = Language
language-hint = The language of this till's screens. Customers on WhatsApp are always answered in their own language.
language-saved = The screens are now in { $language }.

## The lock screen
lock-who = Who is at the till?
lock-choose-name = Choose your name to sign in.
lock-type-pin = { $name }, type your PIN
lock-delete-digit = Delete last digit
lock-enter = Enter
lock-owner = Owner
lock-owner-type = Owner, type your password
lock-owner-password = Owner password
lock-sign-in = Sign in
lock-foot = The screen locks by itself after a few minutes without use.

## The catalogue
catalogue-show-archived = Show archived
catalogue-new-item = New item
catalogue-empty-press = No items yet. Press
catalogue-empty-to-add = to add the first one.
catalogue-archived = Archived
catalogue-low = Low
catalogue-col-name = Name
catalogue-col-category = Category
catalogue-col-price = Price
catalogue-col-stock = Stock
