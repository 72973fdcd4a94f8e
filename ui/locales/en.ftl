# DukaDesk's own screens, in English. Each line is one message: the name
# on the left stays as it is; translate the words on the right. { $name }
# is a value the app puts in (a shop's name, a language). { $count } is a
# number: a message can choose its words by it, as in
# { $count -> [one] … *[other] … } (the plural forms of its language).

## The navigation on the left
nav-till = Till
nav-catalogue = Catalogue
nav-settings = Settings
nav-inbox = Inbox
nav-test-chat = Test chat
nav-customers = Customers
nav-reports = Reports
nav-resellers = Resellers
nav-lock = Lock
nav-lock-title = Lock the till; staff sign in again with their PIN

## The till
till-search = Search order number or phone  ( / )
till-search-label = Search orders
till-new-order = New order
till-undo = Undo
till-orders = Orders
till-loading-orders = Loading orders…
till-no-match = No orders match. Press 0 for all orders, Esc in search to clear it.
till-empty-no-items = No orders yet. Add what you sell first (Catalogue, Alt+2), then press n to type an order in.
till-empty = No orders yet. Press n to type one in.
# How many items an order has, in its row.
till-order-items =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
till-pickup = Pickup
till-delivery = Delivery
till-filter-label = Filter by status
till-filter-all = All
till-filter-out-or-ready = Out or ready
till-status-draft = Draft
till-status-awaiting-payment = Awaiting payment
till-status-payment-failed = Payment failed
till-status-paid = Paid
till-status-preparing = Preparing
till-status-out-for-delivery = Out for delivery
till-status-ready-for-pickup = Ready for pickup
till-status-delivered = Delivered
till-status-collected = Collected
till-status-cancelled = Cancelled
till-hints = Keyboard shortcuts
till-hint-new-order = new order
till-hint-search = search
till-hint-select = select
till-hint-advance = advance
till-hint-cancel = cancel
till-hint-payment = payment
till-hint-receipt = receipt
till-hint-filter = filter
till-hint-screens = screens
till-hint-check-mpesa = check M-Pesa
till-hint-settle-digital = airtime & bundles

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
settings-section-digital = Airtime & bundles
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

## The catalogue's item editor
item-title-new = New item
item-title-edit = Edit item
item-name = Name
item-description = Description (optional)
item-aliases = Other names (e.g. nyanya)
# { $currency } is the shop's currency code (KES).
item-price = Price ({ $currency })
item-kind = Kind
item-kind-physical = Physical goods
item-kind-airtime = Airtime
item-kind-bundle = Data bundle
item-stock = Stock (empty = not counted)
item-low-stock = Warn at or below (empty = never)
item-barcode = Barcode (scan it here, or type the digits)
item-airtime-hint = Airtime is sent to the customer's phone for the price's face value.
item-megabytes = Size (MB)
item-validity = Valid for (days)
item-category = Category
item-no-category = No category
item-photo = Photo (optional)
item-photo-alt = The item's photo
item-no-photo = No photo
item-remove-photo = Remove photo
item-photo-hint = JPEG, PNG or WebP. Customers who ask the bot for it get it on WhatsApp.
item-photo-too-large = That file is larger than 20 MB. Pick a smaller photo, or save it again at a lower size.
item-photo-unreadable = That file could not be read. Pick the photo again.
item-save = Save
item-archive = Archive
item-restore = Restore
item-close = Close

## The test chat
test-chat-title = Test chat
test-chat-intro = Play a customer chatting with your own bot, exactly as it would answer on WhatsApp, with simulated M-Pesa so no real money moves.
test-chat-phone-label = Test chat with your bot
test-chat-subtitle = your bot · test chat
test-chat-empty = Say hi as a customer would, or tap a quick reply below.
test-chat-input-label = Message as the customer
test-chat-input-placeholder = Message
test-chat-send = Send
test-chat-quick-replies = Quick replies
test-chat-settings = Test settings
test-chat-phone = Test customer's phone
test-chat-phone-hint = Nothing is sent to this number: the bot just sees it as the customer's.
test-chat-payment = When the bot asks for M-Pesa, the customer…
test-chat-payment-pays = pays
test-chat-payment-cancels = cancels the prompt
test-chat-payment-never = never answers
test-chat-airtime = Simulated airtime
test-chat-airtime-delivered = Delivered
test-chat-airtime-fails = Fails
test-chat-airtime-hint = Fails: try what a customer is told when their airtime or bundle cannot be sent.
test-chat-start-over = Start over
test-chat-reset-done = The test chat starts over.
# Shown after the Enter, r and Esc keys: "Enter sends, r goes back to the message box, Esc leaves it."
test-chat-keys-sends = sends,
test-chat-keys-back = goes back to the message box,
test-chat-keys-leave = leaves it.

## The inbox
inbox-title = Inbox
inbox-chats = Chats
inbox-loading = Loading chats…
inbox-empty = No chats yet. Try your bot in Test chat (Alt+5).
inbox-channel-test-chat = Test chat
inbox-unread = { $count } unread
inbox-attention = Needs attention
inbox-attention-title = The customer asked for a person, or a payment needs settling
inbox-staff = Staff
inbox-staff-title = Staff are answering; the bot is paused
inbox-pick = Pick a chat with ↑ ↓ (or j k), or click one.
inbox-loading-chat = Loading chat…
inbox-no-messages = No messages yet.
# { $time } is a time of day (14:30).
inbox-took-over = { $name } took over · bot paused until { $time }
inbox-bot-paused = Bot paused until { $time }
inbox-bot-answering = The bot is answering
inbox-bot-answering-handed-back = The bot is answering · handed back by { $name }
inbox-take-over = Take over
inbox-hand-back = Hand back to bot
inbox-bot-paused-toast = You have this chat; the bot is paused.
inbox-bot-back-toast = The bot is answering this chat again.
inbox-reply-label = Reply
inbox-reply-placeholder = Type a reply…  ( r )
inbox-send = Send
inbox-reply-hint = Enter sends, Shift+Enter starts a new line.
inbox-reply-hint-pauses = Enter sends, Shift+Enter starts a new line. Replying pauses the bot for an hour.
inbox-hints = Keyboard shortcuts
inbox-hint-chats = chats
inbox-hint-reply = reply
inbox-hint-send = send
inbox-hint-new-line = new line
inbox-hint-leave-reply = leave reply
inbox-hint-screens = screens

## The start checklist on the till
start-title = Get your shop going
start-title-ready = Your shop is ready
# { $count } is how many of the { $total } steps are done.
start-count = { $count } of { $total } done
start-folded = Getting started: { $count } of { $total } done.
start-unfold = Show the start checklist
start-hide = Hide
start-open = Open
start-items-title = Add what you sell
start-items-hint = Name, price and stock: a few items are enough to start.
start-test-chat-title = Order from the test chat
start-test-chat-hint = Play a customer against your own bot and pay with pretend M-Pesa.
start-mpesa-title = Connect M-Pesa
start-mpesa-hint = Your till or paybill number, or IntaSend or Daraja for prompts on the phone.
start-whatsapp-title = Link your WhatsApp
start-whatsapp-hint = Link this computer to the shop's WhatsApp, like WhatsApp Web.
start-share-title = Share your shop link
start-share-hint = Copy the link or print a poster with its QR code.
start-link-whatsapp-first = Link WhatsApp first: the link opens a chat with the shop's WhatsApp number.
start-link-label = Your shop link
start-copy-link = Copy link
start-link-copied = Shop link copied: paste it in your WhatsApp status, groups and Facebook page.
start-link-press-ctrl-c = Press Ctrl+C to copy the selected link.
start-poster-a4 = Poster (A4)
start-poster-a5 = Poster (A5)
# { $path } is where the file was saved.
start-poster-saved = Poster saved: { $path }. Print it and put it up where customers see it.
start-nothing-saved = Nothing was saved: no place was chosen.

## Airtime and bundles to settle, on the till
# How many airtime or bundle sends need staff, in the amber strip.
digital-strip =
    { $count ->
        [one] { $count } airtime or bundle needs you
       *[other] { $count } airtime or bundles need you
    }
digital-open = Settle now
digital-panel-title = Airtime & bundles to settle
digital-close = Close
digital-panel-hint = A failed send is owed to the customer: send it again (after topping up your Africa's Talking balance), send it by hand from the shop's line, or give the money back. One still waiting says what it waits for.
digital-empty = All airtime and bundles are settled.
digital-recipient-erased = number erased
digital-simulated = Test chat
digital-state-unpaid = Not paid yet
digital-state-queued = Waiting to send
digital-state-sending = Sending
digital-state-sent = Sent, checking delivery
digital-state-delivered = Delivered
digital-state-failed = Failed: refund due
digital-state-refunded = Refunded
digital-state-cancelled = Cancelled
digital-waiting = Africa's Talking may still deliver it: nothing to do yet.
digital-send-again = Send again
digital-sent-by-hand = Sent by hand
digital-refunded = Refunded
digital-refund-note = How the money went back
digital-refund-note-placeholder = Refund: M-Pesa code, or cash
digital-note-required = Say how the money went back: the refund's M-Pesa code, or cash.
# { $number } is the order's number (1042); shown after a verdict.
digital-done-again = #{ $number } is being sent again.
digital-done-by-hand = #{ $number } marked sent by hand.
digital-done-refunded = #{ $number } marked refunded.

## Settings → Airtime & bundles
digital-title = Airtime & bundles (Africa's Talking)
digital-intro = Airtime and data bundles customers buy in chats are sent to their phones through your Africa's Talking account. The test chat always uses a simulated provider.
digital-loading = Loading…
digital-environment = Environment
digital-env-sandbox = Sandbox (testing, nothing reaches a phone)
digital-env-production = Production (real airtime)
# { $url } is a saved address that is neither of Africa's Talking's.
digital-env-custom = Custom: { $url }
digital-username = Username
digital-username-hint = Your Africa's Talking app's username; on the sandbox it is sandbox.
digital-api-key = API key
digital-api-key-placeholder = From your dashboard: Settings → API Key
digital-api-key-keep = saved — leave empty to keep
digital-api-key-saved = A key is saved. Leave this empty to keep it, or paste a new one.
digital-bundle-product = Data bundles product (optional)
digital-bundle-product-hint = The product's name in your Africa's Talking dashboard. Leave it empty if you sell airtime only.
digital-save = Save airtime settings
digital-saved = Airtime settings saved.
digital-test = Test connection
digital-testing = Checking…
digital-not-tested = Not tested: check the details marked above.

## Resellers (agents who bring customers and earn commission)
resellers-title = Resellers
resellers-add = Add reseller
resellers-explain = A chat that carries a reseller's code (through their link, or typed) credits its orders to them for 30 days. Commission is pending for 7 days after the order, then payable; a cancelled order takes it back. A reseller can ask the bot "my sales" from their WhatsApp number.
resellers-loading = Loading resellers…
resellers-empty = No resellers yet. Add the people who bring you customers: each gets a code and their own shop link.
resellers-retry = Try again
resellers-col-name = Name
resellers-col-phone = Phone
resellers-col-code = Code
resellers-col-rule = Commission
resellers-col-orders = Orders
resellers-col-sales = Sales
resellers-col-pending = Pending
resellers-col-payable = Payable
resellers-col-paid = Paid
resellers-paused = Paused
resellers-paused-title = Paused: their code credits no new orders
# { $amount } is an amount of money (KES 10).
resellers-rule-per-unit = { $amount } a unit
resellers-pick = Pick a reseller to see their shop link and pay them.
reseller-form-new = New reseller
reseller-form-edit = Edit reseller
reseller-name = Name
reseller-phone = WhatsApp number
reseller-phone-hint = From this number they can ask the bot for their own sales and commission.
reseller-code = Code
reseller-code-placeholder = Leave blank and one is made from the name
reseller-rule = Commission
reseller-rule-percent = A percentage of the goods
reseller-rule-per-unit = An amount for each unit sold
reseller-rate-percent = Percentage (%)
# { $currency } is the shop's currency code (KES).
reseller-rate-per-unit = Amount a unit ({ $currency })
reseller-active = Active: their code credits new orders
reseller-save = Save reseller
reseller-cancel = Cancel
reseller-saved = { $name } saved.
reseller-edit = Edit
reseller-link-label = Their shop link
reseller-copy-link = Copy link
reseller-link-copied = Link copied: send it to { $name } to share with their customers.
reseller-qr-label = QR code of { $name }'s shop link
reseller-link-hint = A customer who opens the link or scans the code starts a chat with the shop that carries this reseller's code.
reseller-no-link = Link WhatsApp to get a shop link for each reseller. Until then, their customers can send this message (or just the code) to the shop's WhatsApp:
reseller-greeting-label = The message their customers send
reseller-copy-greeting = Copy message
reseller-greeting-copied = Message copied.
reseller-link-whatsapp = Link WhatsApp
reseller-press-ctrl-c = Press Ctrl+C to copy the selected text.
payout-title = Pay { $name }
payout-payable = Payable now: { $amount }
payout-pending = Pending: { $amount } (payable 7 days after each order)
payout-nothing = Nothing is payable yet.
payout-negative = More was paid out than earned (an order was cancelled after): new commission makes it up first.
payout-amount = Amount
payout-method = Paid by
payout-method-cash = Cash
payout-method-mpesa = M-Pesa
payout-receipt = M-Pesa code
payout-save = Record payout
payout-done = { $amount } paid to { $name }: recorded.
