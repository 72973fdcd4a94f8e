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
till-status-new-on-delivery = New: cash on delivery
order-cash-on-delivery = Cash on delivery
order-collect-on-delivery = Paid on delivery: record the { $total } below as it is handed over; that completes the order.
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
settings-section-tax = Tax (eTIMS)
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
item-tax-band = Tax band
item-tax-band-default = Shop default
item-tax-class = KRA item class
item-tax-class-hint = The shop's: type what it is
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
test-chat-intro-on-delivery = Play a customer chatting with your own bot, exactly as it would answer on WhatsApp. Your shop takes cash on delivery: the orders you place here wait at the till, and you record the cash there when you hand them over.
test-chat-on-delivery = Cash on delivery: no M-Pesa is asked for. Record the cash at the till when the order is handed over.
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

## Settings → Tax (KRA eTIMS)
tax-title = Tax invoices (KRA eTIMS)
tax-intro = eTIMS signs every sale with KRA so buyers can claim their VAT. Shops not registered for VAT can use eTIMS Lite (eCitizen or *222#) instead.
tax-loading = Loading…
# { $device } is KRA's id for this till, { $name } the taxpayer's name as KRA has it.
tax-status-set-up = Set up as device { $device } for { $name } (PIN { $pin }, branch { $branch }).
tax-status-not-set-up = Not set up: sales are not invoiced.
tax-status-unsigned =
    { $count ->
        [0] Every invoice is signed.
        [one] { $count } invoice not yet signed.
       *[other] { $count } invoices not yet signed.
    }
tax-no-band =
    { $count ->
        [one] { $count } item has no tax band: its sales wait for one. Give it a band in the Catalogue, or choose a default band below.
       *[other] { $count } items have no tax band: their sales wait for one. Give them a band in the Catalogue, or choose a default band below.
    }
tax-status-off = Invoicing is off: new sales are not invoiced.
tax-environment = Environment
tax-env-sandbox = Sandbox (testing, nothing reaches KRA's real records)
tax-env-production = Production (real tax invoices)
# { $url } is a saved address that is neither of KRA's.
tax-env-custom = Custom: { $url }
tax-consumer-key = Consumer key
tax-consumer-secret = Consumer secret
tax-secret-keep = saved — leave blank to keep
tax-keys-hint = From your app on KRA's developer portal (developer.go.ke).
tax-pin = KRA PIN
tax-branch = Branch id
tax-serial = Device serial
tax-serial-hint = This till's serial number, as registered with KRA for eTIMS (OSCU).
tax-item-class = Item classification code
tax-item-class-hint = The ten digits KRA lists for what the shop sells (eTIMS item classifications). Each item is registered with KRA under it before its first invoice.
tax-default-band = Default tax band
tax-default-band-hint = For items that have no band of their own (Catalogue → item → Tax band).
tax-band-none = None — each item needs its own band
tax-enabled = Invoice every sale
tax-set-up = Set up with KRA
tax-setting-up = Asking KRA…
tax-set-up-done = Set up with KRA as device { $device }.
tax-save-options = Save
tax-options-saved = Tax options saved.
tax-unsigned-title = Invoices not yet signed
tax-all-signed = Every invoice is signed.
# A credit note: its { $number }, and the { $original } invoice it undoes.
tax-credit-note = CN { $number } (for { $original })
tax-col-number = Number
tax-col-order = Order
tax-col-amount = Amount
tax-col-age = Age
tax-col-state = State
tax-col-reason = Reason
tax-state-queued = Waiting
tax-state-sending = Sending again
tax-state-signed = Signed
tax-send-now = Send now
tax-sending = Sending…
# After "Send now": how many invoices still wait.
tax-sent =
    { $count ->
        [0] Sent: every invoice is signed.
        [one] Sent: { $count } invoice still waits.
       *[other] Sent: { $count } invoices still wait.
    }

## Till → order detail: its KRA eTIMS tax invoice
order-tax-label = KRA tax invoice
order-tax-pin = Buyer's KRA PIN, for an invoice they can claim
order-tax-pin-now = The invoice carries { $pin }.
order-tax-reissue = Issue to this PIN
order-tax-reissue-hint = KRA gets a credit note for the signed invoice and a new invoice with the PIN
# { $number } is the invoice's number in this till's sequence.
order-tax-invoice = Tax invoice { $number }
# A credit note: its { $number }, and the { $original } invoice it undoes.
order-tax-credit-note = Credit note { $number } for invoice { $original }
order-tax-signed = Signed by KRA
# { $receipt } is the receipt number KRA gave the signed invoice.
order-tax-receipt = KRA receipt { $receipt }
order-tax-waiting = Waiting for KRA
order-tax-settings-note = Settings → Tax lists every invoice not yet signed.

## Resellers (agents who bring customers and earn commission)
resellers-title = Resellers
resellers-add = Add reseller
resellers-sheet = Save as spreadsheet
resellers-sheet-title = Every reseller's figures as a CSV file for Excel or your accountant
resellers-sheet-saved = Saved: { $path }
resellers-sheet-nothing = Nothing was saved.
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
reseller-first-order-only = Only each customer's first order through them earns commission
resellers-rule-on = { $rule } on { $goods }
resellers-rule-on-gone = { $rule } on goods no longer sold
reseller-applies-to = Earned on
reseller-applies-everything = Everything their customers buy
reseller-applies-category = Category: { $name }
reseller-save = Save reseller
reseller-cancel = Cancel
reseller-saved = { $name } saved.
reseller-edit = Edit
reseller-erase = Erase personal data…
reseller-erase-question = Erase { $name }'s name, number and code for good, on every till? Their sales, commission and payouts stay in the shop's accounts.
reseller-erase-confirm = Erase
reseller-erase-keep = Keep
reseller-erased = { $name } erased.
reseller-erased-badge = Erased
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

## Customers
customers-title = Customers
customers-no-name = No name given
customers-no-offers = No offers
customers-no-offers-title = Asked for no offers (STOP)
customers-search-placeholder = Name or phone digits
customers-search-label = Find a customer
customers-empty = No customers yet. They appear here with their first order or chat.
customers-no-match = No customer matches. Try fewer letters or the last digits of the number.
customers-col-name = Name
customers-col-phone = Phone
customers-col-orders = Orders
customers-col-last-order = Last order
customers-privacy-title = Privacy
customers-privacy-hint = Pick a customer to correct their details or erase them. Erasing removes their name, number and chats on every till; their orders stay in the tax records without them.
# Around the command DELETE ME (kept in English: the bot reads it so):
# "Customers can also write DELETE ME to the bot."
customers-delete-me-before = Customers can also write
customers-delete-me-after = to the bot.
customer-saved = Customer details saved.
# After erasing a customer; { $count } is how many of their orders stay.
customer-erased =
    { $count ->
        [one] Erased. { $count } order kept without their details.
       *[other] Erased. { $count } orders kept without their details.
    }
customer-erased-chats =
    { $count ->
        [one] { $count } chat removed.
       *[other] { $count } chats removed.
    }
customer-this-customer = this customer
customer-orders =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }
# { $time } is when their last order was (14:05, or 12 Mar 14:05).
customer-last-order = last { $time }
customer-opted-out = asked for no offers
customer-name = Name
customer-phone = Phone
customer-save = Save
customer-erase = Erase personal data…
customer-close = Close
# { $name } is the customer's name or number; { $count } how many orders they have.
customer-erase-question =
    { $count ->
        [0] Erase { $name }'s name, number and chats on every till? They have no orders. This cannot be undone.
        [one] Erase { $name }'s name, number and chats on every till? Their order stays in the tax records without their details. This cannot be undone.
       *[other] Erase { $name }'s name, number and chats on every till? Their { $count } orders stay in the tax records without their details. This cannot be undone.
    }
customer-erase-confirm = Erase
customer-erase-keep = Keep

## Customers → credit (madeni)
credit-title = Credit
# { $amount } is an amount of money (KES 150).
credit-owes = Owes { $amount }
credit-overpaid = Paid { $amount } more than owed
credit-owes-nothing = Owes nothing
# After the balance: since when the oldest unpaid sale is owed.
credit-since = since { $time }
credit-limit = Credit limit (empty: none; owner only)
credit-limit-save = Set limit
credit-limit-set = Credit limit set to { $amount }.
credit-limit-none = No credit limit now.
credit-amount = Paid back
credit-method = How
credit-method-cash = Cash
credit-method-mpesa = M-Pesa (code)
credit-receipt = M-Pesa code
credit-repay-save = Record payment
credit-repaid = Payment recorded: { $amount } still owed.
credit-remind = Send a reminder
credit-remind-title = A short message in their language, in their WhatsApp chat
credit-reminder-sent = Reminder sent on WhatsApp.
# In the history: { $number } is the order's number (1042).
credit-sale = Order #{ $number } on credit
# { $code } is the M-Pesa code; { $name } who recorded the money.
credit-repaid-mpesa = Paid back by M-Pesa { $code } ({ $name })
credit-repaid-cash = Paid back in cash ({ $name })
debtors-title = Who owes (madeni)
debtors-loading = Adding up…
debtors-empty = Nobody owes the shop anything. To sell on credit, choose "On credit" as the payment of a new order with the customer's phone.
debtors-erased = Erased customer
debtors-col-who = Who
debtors-col-owes = Owes
debtors-col-since = Since

## Settings → Privacy
privacy-title = Privacy
privacy-hint = Export the whole shop as a ZIP of spreadsheets, or everything kept about one customer when they ask for their data. Disconnect unlinks WhatsApp or stops syncing with other tills. Each is noted in the audit log.
privacy-export = Export data…
privacy-disconnect = Disconnect…
privacy-loading = Loading…
# "Keep orders and M-Pesa receipts for [7] years"
privacy-years-label = Keep orders and M-Pesa receipts for
privacy-years-unit = years
privacy-save = Save
# { $count } is a number of years (5 to 30).
privacy-saved =
    { $count ->
        [one] Orders are kept { $count } year.
       *[other] Orders are kept { $count } years.
    }
# { $count } is a number of months.
privacy-chats-kept =
    { $count ->
        [one] Chats are removed { $count } month after their last message. Customers who write DELETE ME are erased once the bot has answered.
       *[other] Chats are removed { $count } months after their last message. Customers who write DELETE ME are erased once the bot has answered.
    }
privacy-last-checked = Last checked { $time }.
privacy-audit-title = Audit log
privacy-audit-empty = No privacy actions yet.
# { $count } is how many lines the audit log has.
privacy-show-all = Show all { $count }

## Settings → Shop details (and the first-run form)
shop-name = Shop name
shop-code = Code in your customer link
shop-code-hint = Customers send this code on WhatsApp to reach your shop. Leave empty to use the suggestion.
shop-business-type = Type of business
shop-country = Country
shop-country-kenya = Kenya (KES)
shop-country-morocco = Morocco (MAD)
# { $currency } is the currency's code (KES).
shop-prices-in = Prices in { $currency }
shop-owner-password = Owner password
shop-owner-password-hint = At least 8 characters. Needed for payment settings, export and deleting data.
shop-owner-repeat = Repeat password
shop-save = Save shop details
shop-saved = Shop details saved.
business-grocery = Grocery
business-restaurant = Restaurant / food
business-fashion = Fashion
business-electronics = Electronics
business-beauty = Beauty
business-hardware = Hardware
business-airtime-and-data = Airtime & data bundles
business-other = Other

## Settings → Opening hours
day-monday = Monday
day-tuesday = Tuesday
day-wednesday = Wednesday
day-thursday = Thursday
day-friday = Friday
day-saturday = Saturday
day-sunday = Sunday
hours-hint = The bot tells customers when you open, and (if allowed) still takes their order.
hours-open = Open
# For screen readers; { $name } is a day (Monday).
hours-opens-at = { $name } opens at
hours-closes-at = { $name } closes at
hours-orders-when-closed = Let the bot take orders while closed (prepared when you open)
hours-save = Save opening hours
hours-saved = Opening hours saved.

## Settings → Delivery zones
zones-empty = No delivery zones yet: every order is a pickup.
zone-inactive = Inactive
zone-new = New zone
zone-edit = Edit zone
zone-area = Area
# An example of an area's name, in the shop's country.
zone-area-placeholder = Westlands
# { $currency } is the shop's currency code (KES).
zone-fee = Fee ({ $currency })
zone-active = Offer this zone to customers
zone-save = Save zone
zone-saved = Delivery zone saved.

## Settings → M-Pesa
payment-title = Payments (M-Pesa)
payment-intro = The test chat always uses simulated payments. Real chats never do: with no M-Pesa service connected (or one on its sandbox), customers pay your till or paybill by hand and staff confirm each M-Pesa code.
payment-loading = Loading…
payment-provider = How chat customers pay
payment-provider-none = None: customers pay by hand (till or paybill)
payment-provider-intasend = IntaSend: the prompt on the customer's phone, easiest to set up
payment-provider-daraja = I have Daraja keys (Safaricom M-Pesa Express)
payment-provider-on-delivery = Cash on delivery: no M-Pesa, customers pay when the order is handed over
payment-environment = Environment
payment-env-sandbox = Sandbox (testing, no money)
payment-env-production = Production (real money)
payment-env-live = Live
# { $url } is a saved address that is none of the service's own.
payment-env-custom = Custom: { $url }
payment-keep-placeholder = saved — leave empty to keep
payment-daraja-legend = Daraja credentials
payment-daraja-hint = From your app on developer.safaricom.co.ke and the Lipa na M-Pesa Online passkey Safaricom sends you.
payment-consumer-key = Consumer key
payment-consumer-secret = Consumer secret
payment-secret-placeholder = From your Daraja app
payment-shortcode = Business shortcode
payment-pay-to = Customers pay to
payment-collection-paybill = Paybill (customers enter an account)
payment-collection-till = Till number (buy goods)
payment-till-number = Till number
payment-till-hint = The shortcode above is then your head office number.
payment-till-required = Enter the till number, or choose paybill.
payment-passkey = Passkey
payment-passkey-placeholder = From Safaricom (Lipa na M-Pesa Online)
payment-intasend-legend = IntaSend API keys
payment-public-key = Publishable key
payment-secret-key = Secret key
payment-intasend-hint = From your IntaSend dashboard: Settings → API keys.
payment-manual-legend = Paying by hand
payment-manual-hint = Where chat customers send money when no M-Pesa service collects it. The bot tells them, and they send back the M-Pesa code for staff to confirm.
payment-manual-till = Till number (Buy Goods)
payment-manual-paybill = Paybill (account: the order number)
payment-manual-number = Number
payment-manual-number-placeholder = e.g. 5123456
payment-save = Save payment settings
payment-saved = Payment settings saved.
payment-test = Test connection
payment-testing = Checking…
payment-not-tested = Not tested: check the details marked above.

## Settings → Staff
people-title = People
people-intro = Staff sign in at the till with their own PIN, so every order shows who handled it. Payments, backend, export and deleting data stay with the owner.
people-no-staff = No staff yet: the till opens straight for the owner.
people-staff-name = Name
people-staff-pin = PIN (4–6 digits)
people-staff-add = Add staff
people-staff-added = { $name } can now sign in with their PIN.
people-deactivate = Deactivate
people-staff-deactivated = { $name } can no longer sign in.
people-idle = Lock the screen after this long without use
# A choice in the list: { $count } minutes (1 to 120).
people-idle-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
people-idle-saved = { $count ->
    [one] The screen now locks after { $count } idle minute.
   *[other] The screen now locks after { $count } idle minutes.
}
people-owner-change-title = Change the owner password
people-owner-old = Current password
people-owner-new = New password
people-owner-repeat = Repeat new password
people-owner-change = Change password
people-owner-changed = Owner password changed.

## Settings → This computer: the receipt printer
printer-title = Receipt printer
printer-loading = Loading…
printer-kind = Printer
printer-kind-none = No printer (receipts by WhatsApp only)
printer-kind-network = Network printer (Wi-Fi or cable to the router)
printer-kind-device = USB or serial printer on this computer
printer-address = Printer's address
printer-address-hint = Hold the feed button while switching the printer on: the page it prints shows its IP address. Port 9100 unless you add another (192.168.1.50:9101).
printer-path = Printer's port
printer-path-hint = Windows: the COM port in Device Manager, or a shared printer as \\localhost\POS58. Linux: /dev/usb/lp0 (USB) or /dev/ttyUSB0 (serial).
printer-width-label = Paper
# { $name } is the roll's width (80 mm); { $count } how many characters a line holds.
printer-width = { $name } roll ({ $count } characters)
printer-auto = Print a receipt when a sale at this till is paid (r prints one any time)
printer-drawer = Open the cash drawer on cash sales (drawer cabled to the printer)
printer-scale = Scale labels carry
printer-scale-price-whole = Price, whole (00250 is 250)
printer-scale-price-cents = Price with cents (00250 is 2.50)
printer-scale-weight-grams = Weight in grams (01250 is 1.250 kg)
printer-scale-hint = For labels printed by the shop's scale (13 digits starting 20 to 29): give each weighed item its first 7 digits as its Barcode in the Catalogue, e.g. 2001234.
printer-test = Print test page
printer-printing = Printing…
printer-save = Save printer
printer-saved = Printer settings saved.

## Settings → This computer: saved secrets
vault-title = Saved secrets
vault-intro = M-Pesa keys, the login for syncing with other tills and WhatsApp's keys are kept sealed (AES-256-GCM), never in the clear.
vault-loading = Loading…
vault-open-keyring = Sealed on this computer, with a key kept in its keyring.
vault-open-passphrase = Sealed on this computer under your passphrase, asked for after each start.
vault-needs-passphrase = Locked: enter the passphrase to use M-Pesa payments, sync and WhatsApp.
vault-choose-passphrase = This computer has no keyring DukaDesk can use: choose a passphrase to protect them.
vault-lost = The secrets saved before had their key in this computer's keyring, which DukaDesk can no longer use, so they cannot be opened. After choosing a passphrase, enter the M-Pesa and sync details again and link WhatsApp again. If the keyring was only not ready, restart DukaDesk first.
vault-warning = Write it down and keep it safe. DukaDesk asks for it after each start. If it is forgotten nobody can open the saved secrets: the M-Pesa and server details must then be entered again.
# { $count } is the fewest characters a passphrase may have (10).
vault-new-passphrase = New passphrase (at least { $count } characters)
vault-passphrase = Passphrase
vault-confirm = The same again
vault-protect = Protect with this passphrase
vault-open = Open saved secrets
vault-passphrase-set = Passphrase set: saved secrets are protected by it.
vault-opened = Saved secrets are open.

## Settings → WhatsApp
whatsapp-loading = Loading…
whatsapp-not-linked = Not linked
whatsapp-not-linked-detail = Link the shop's WhatsApp so the bot answers customers there. Until then it runs in the test chat.
whatsapp-linking = Linking
whatsapp-linking-detail = Finish linking in the pairing window.
whatsapp-connected = Connected
# { $time } is when the link started (14:05, or 12 Mar 14:05).
whatsapp-connected-detail = Answering customers since { $time }.
whatsapp-reconnecting = Reconnecting
# { $count } is a number of seconds; { $number } counts the tries.
whatsapp-reconnecting-in = The connection dropped. Next try in { $count }s (try { $number }). Messages wait on WhatsApp meanwhile.
whatsapp-reconnecting-now = The connection dropped. Next try now (try { $number }). Messages wait on WhatsApp meanwhile.
whatsapp-logged-out = Logged out
whatsapp-logged-out-detail = WhatsApp logged this computer out (from the phone, or WhatsApp removed it). Its keys were wiped. Link again to keep answering customers.
whatsapp-replaced = Replaced
whatsapp-replaced-detail = Another WhatsApp Web or desktop session took over this link, so DukaDesk stopped. Close the other session, then link again.
whatsapp-banned = Banned for now
# { $reason } is WhatsApp's reason, as WhatsApp gives it.
whatsapp-banned-detail = WhatsApp banned this number until { $time } ({ $reason }). DukaDesk sends nothing until then.
whatsapp-number = Number
whatsapp-business = Business
whatsapp-last-message = Last message
whatsapp-none-yet = none yet
whatsapp-link = Link WhatsApp
whatsapp-link-again = Link again
whatsapp-unlink = Unlink…
whatsapp-pdf-receipts = Also send a PDF receipt after payment
whatsapp-safety = Safety: the bot only answers customers who wrote first, paces its replies and never sends broadcasts.

## Settings → Sync with other tills
hosted-loading = Loading…
hosted-intro = Share orders, catalogue and customers with the shop's other tills. Ask whoever runs your shop's server for an enrolment string (dukadesk-server enrol-device) and paste it here.
hosted-enrolment = Enrolment string
hosted-connect = Connect
hosted-connect-busy = Connecting…
# { $name } is the shop's name on the server.
hosted-connected-to = Connected to { $name }.
hosted-online = Online
hosted-connecting = Connecting
hosted-offline = Offline
hosted-needs-attention = Needs attention
hosted-up-to-date = Up to date
hosted-changes-waiting =
    { $count ->
        [one] { $count } change waiting
       *[other] { $count } changes waiting
    }
# { $count } is a number of seconds.
hosted-next-try-in = next try in { $count }s
hosted-next-try-now = next try now
hosted-logging-in = Logging in to the server…
hosted-shop = Shop
hosted-this-till = This till
# { $number } is a digit (1).
hosted-till-digit = order numbers end in { $number }
hosted-server = Server
hosted-state = State
hosted-waiting = Waiting to send
hosted-pending =
    { $count ->
        [0] Nothing
        [one] { $count } change
       *[other] { $count } changes
    }
hosted-last-synced = Last synced
hosted-not-yet = Not yet
hosted-bot = WhatsApp bot
# { $name } says which till runs the bot (one of the three below).
hosted-bot-runs-on = Runs on: { $name }
hosted-bot-no-till = no till yet
# { $name } is a till's name (Counter).
hosted-bot-this-till = { $name } (this till)
# { $time } is when that till's turn ends.
hosted-bot-other-till = { $name }, until { $time }
hosted-refused = Changes the server refused
hosted-bot-here = Run the WhatsApp bot on this till
hosted-sync-now = Sync now
hosted-syncing = Syncing…
hosted-disconnect = Disconnect…

## Settings → This computer: updates
update-title = Updates
update-loading = Loading…
update-current = This version
update-check = Check for updates
update-checking = Checking…
update-not-checked = Not checked yet.
update-checking-headline = Checking for updates…
update-up-to-date = DukaDesk is up to date.
# { $version } is a version number (0.2.0).
update-available = DukaDesk { $version } is available.
update-downloading = Downloading DukaDesk { $version }…
update-ready = DukaDesk { $version } is downloaded and its signature checked. Restart to start using it.
# { $time } is a date (12 Mar 2025).
update-published = Published { $time }
update-no-notes = No release notes were published with this version.
update-download = Download { $version }
update-download-again = Try downloading { $version } again
update-install = Restart to update
# { $amount } megabytes arrived of { $total }; { $number } is the percentage.
update-progress = { $amount } of { $total } MB ({ $number }%)
update-progress-so-far = { $amount } MB so far

## Settings → This computer: about
about-title = About DukaDesk
about-loading = Loading…
about-version = Version
about-database = Database

## The check of the shop's data file after start-up
store-damaged = DukaDesk found damage in this shop's data file (a failing disk or a power cut can cause it). New sales are still saved, but some older records may not read. Export your data now and keep the copy safe, then restore a backup or ask your DukaDesk contact for help.
store-damaged-export = Export your data
store-damaged-details = What was found

# Order detail, its steps and taking money at the till
order-loading = Loading order…
order-select-hint = Select an order with ↑ ↓, or press n for a new one.
order-change-to-give = Change to give: { $change }
order-change-from = from { $tendered } for { $total }
order-channel-till = Till
order-channel-test-chat = Test chat
order-cancel-this = Cancel this order?
order-cancel-confirm = Cancel order { $number }?
order-yes-cancel = Yes, cancel
order-keep-it = Keep it
order-waiting-for-payment = Waiting for payment: record it below once the money is in.
order-print-receipt = Print receipt
order-print-bill = Print bill
order-save-pdf = Save PDF
order-cancel = Cancel order
order-walk-in = Walk-in customer
order-customer = Customer
order-fulfilment = Fulfilment
order-delivery-to = Delivery to { $zone }
order-subtotal = Subtotal
order-delivery-fee = Delivery
order-total = Total
order-method-cash = Cash
order-method-mpesa-code = M-Pesa (code)
order-method-mpesa-prompt = M-Pesa prompt
order-method-intasend = M-Pesa prompt (IntaSend)
order-method-test = Test payment
order-method-credit = On credit
order-payment-pending = Waiting
order-payment-succeeded = Paid
order-payment-failed = Failed
order-payment-unknown = Unknown: check M-Pesa
order-payments = Payments
order-payment-refused = The shop's server refused a payment of this order: { $reason } Check the money before the goods go.
order-refunds = Refunds
order-refund-open = Refund…
order-refund-left = Up to { $left } can go back (the money this order brought in, less refunds made).
order-refund-amount = Amount given back
order-refund-method = How it goes back
order-refund-cash = Cash from the drawer
order-refund-receipt = M-Pesa code of the money sent back (if you have it)
order-refund-reason = Why
order-refund-reason-hint = for example: 1 bread returned
order-refund-reason-erased = removed with the customer's data
order-refund-give = Give { $amount } back
order-refund-give-it = Give it back
order-refund-keep = Keep the money
order-refund-owner = Only the owner gives money back: the owner password is asked unless given in the last 10 minutes.
order-refund-over = { $amount } more went back than this order brought in: two tills gave back the same money while offline. Ask the customer to return it, or record it as a loss.
order-history = History
order-by = by { $actor }
order-step-request-payment = Request payment
order-step-payment-received = Payment received
order-step-payment-failed = Payment failed
order-step-retry-payment = Retry payment
order-step-mark-paid = Mark paid
order-step-start-preparing = Start preparing
order-step-ready = Ready for pickup
order-step-dispatch = Send out for delivery
order-step-collected = Mark collected
order-step-delivered = Mark delivered
order-step-paid-on-collection = Paid on collection
order-step-paid-on-delivery = Paid on delivery
order-step-cancel = Cancel order
till-cancelling = Cancelling order { $number }…
till-moving = Order { $number }: { $step }…
till-now = { $number } is now { $status }.
pay-exact-amount = Exact amount: { $amount }
pay-change = Change: { $change }
pay-cash-given = Cash given
pay-cash-received = Cash received
pay-mpesa-code = M-Pesa code
pay-mpesa-paid = M-Pesa paid
pay-on-credit = On credit: { $who } pays later

# The new-order form at the till
orderform-title = New order
orderform-close = Close
orderform-create = Create order
orderform-enter-adds = Enter adds { $qty }
orderform-enter-adds-one = Enter adds 1 · 3*sugar adds 3
orderform-add-items = Add items
orderform-search-placeholder = Type an item name…
orderform-no-match = No active item matches.
orderform-stock-left = { $count } left
orderform-no-items = No items yet.
orderform-one-pack = 1 pack
orderform-one-less = One less { $name }
orderform-quantity-of = Quantity of { $name }
orderform-one-more = One more { $name }
orderform-phone = Phone (optional for walk-ins)
orderform-phone-recipient = Phone the airtime or bundle goes to
orderform-name = Name (optional)
orderform-pickup-or-delivery = Pickup or delivery
orderform-pickup = Pickup at the shop
orderform-address = Address or landmark
orderform-payment = Payment
orderform-pay-unpaid = Not paid yet
orderform-pay-cash = Cash
orderform-pay-mpesa = M-Pesa (receipt code)
orderform-pay-credit = On credit (known customer pays later)
orderform-pay-on-delivery = Cash on delivery (paid at the hand-over)
orderform-buyer-pin = Buyer's KRA PIN (optional, for their tax invoice)
orderform-note = Note (optional)
orderform-cash-given = Cash given (empty: exact)
orderform-barcode-pick = Pick the item this code belongs to.
orderform-barcode-unknown = Unknown barcode { $code }: no item has it.
orderform-barcode-none = Add an item with this code in the Catalogue (its Barcode field), then scan again.
orderform-barcode-item = Item this code belongs to
orderform-barcode-choose = Give it to an item…
orderform-barcode-assign = Give it the code and add
orderform-barcode-or-new = Or add a new item with this code in the Catalogue.

# Reports
cashup-title = Cash-up
cashup-open = Count the drawer
cashup-none = No cash-up yet. At the end of the day or shift, count the drawer here.
cashup-older =
    { $count ->
        [one] Older cash-ups ({ $count })
       *[other] Older cash-ups ({ $count })
    }
cashup-till = Till
cashup-since = Since
cashup-payments = Payments
cashup-cash-sales = Cash sales
cashup-cash-refunds = Cash refunds
cashup-float = Float (cash in the drawer at the start)
cashup-expected = Expected in the drawer:
cashup-counted = Cash counted
cashup-note = Note (why it is over or short)
cashup-record = Record cash-up
cashup-adding-up = Adding up this till's takings…
cashup-result = : counted { $counted } of { $expected } expected, by { $by }.
cashup-recorded = Cash-up recorded: { $balance }.
cashup-print-z = Print Z report
cashup-print-this = Print this Z report
cashup-print = Print
cashup-when = When
cashup-expected-col = Expected
cashup-counted-col = Counted
cashup-balance = Balance
cashup-by = By
cashup-balanced = Balanced
cashup-over = Over by { $amount }
cashup-short = Short by { $amount }
summary-title = The day in one message
summary-adding-up = Adding up the day…
summary-not-sent = Not sent: type your own WhatsApp number to get it every day at closing time.
summary-sent-to = Sent to +{ $number } every day at closing time, from this till's WhatsApp.
summary-to-be-sent = To be sent to +{ $number } at closing time once WhatsApp is linked on this till.
summary-stopped = The day's summary is no longer sent.
summary-will-be-sent = The day's summary will be sent at closing time.
summary-number = Your WhatsApp number
summary-language = In
summary-save = Save
report-title = Reports
report-period = Period
report-period-today = Today
report-period-yesterday = Yesterday
report-period-this-week = This week
report-period-this-month = This month
report-period-dates = Dates…
report-from = From
report-to = to
report-show = Show
report-pick-first-day = Pick the first day.
report-pick-last-day = Pick the last day.
report-adding-up = Adding up sales…
report-rule = Sales are orders paid and not cancelled (paid, preparing, out for delivery, delivered; an order paid on delivery once it is handed over), counted on the day they were made, in the shop's time. Unpaid orders are shown as awaiting payment; cancelled orders and test-chat orders are not sales.
report-vs-yesterday = vs yesterday
report-vs-day-before = vs the day before
report-vs-last-week = vs the same days last week
report-vs-last-month = vs the same days last month
report-vs-days-before = vs the { $count } days before
report-no-change = no change { $comparison }
report-up-from-none = up from none { $comparison }
report-orders-count =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }
report-compared-with = {" "}· compared with { $range }
report-gross = Gross sales
report-orders = Orders
report-average = Average order
report-awaiting = Awaiting payment
report-not-paid-yet =
    { $count ->
        [one] { $count } order not paid yet
       *[other] { $count } orders not paid yet
    }
report-cancelled = Cancelled
report-refunded = Money given back
report-net-sales = Sales less refunds: { $amount }
report-give-back = {" "}· { $count } after payment: { $amount } to give back
report-by-hour = Sales by hour
report-no-sales = No sales in this period yet.
report-hours-label = Sales for each hour of the day
report-by-payment = By payment
report-by-channel = By channel
report-channel-till = Till (walk-in and phone)
report-test-orders =
    { $count ->
        [one] { $count } order from the test chat, not counted.
       *[other] { $count } orders from the test chat, not counted.
    }
report-top-units = Top items by units
report-top-sales = Top items by sales
report-nothing-sold = Nothing sold yet.
report-sold = { $count } sold
report-pay-mpesa-prompt = M-Pesa prompt (STK)
report-pay-mpesa-manual = M-Pesa till / paybill (code typed)
report-pay-cash = Cash
report-pay-credit = On credit (to be paid)
report-pay-not-recorded = Payment not recorded here
report-by-reseller = By reseller
report-reseller-commission = { $amount } commission

## The pairing window (link WhatsApp)
pairing-title = Link WhatsApp
pairing-step-open = Open WhatsApp on the shop's phone.
pairing-qr-step-go = Go to WhatsApp > Linked devices > Link a device (Settings on iPhone, the ⋮ menu on Android).
pairing-qr-step-point = Point the phone at this code.
pairing-code-step-go = Go to WhatsApp > Linked devices > Link a device, then tap "Link with phone number instead".
pairing-code-step-type = Type this code on the phone.
pairing-phone-label = Or link with the shop's phone number
pairing-phone-start = Get a code to type on the phone
pairing-qr-start = Show a QR code
pairing-loading = Loading…
pairing-intro = DukaDesk becomes a linked device of the shop's WhatsApp, like WhatsApp Web. Nothing is sent to WhatsApp until you choose below.
pairing-starting = Connecting to WhatsApp for a code…
pairing-qr-label = QR code to link WhatsApp
pairing-qr-countdown = This code changes in { $time }
pairing-exhausted = The codes ran out before one was scanned.
pairing-new-code = Get a new code
pairing-code-label = Pairing code
pairing-code-countdown = The code expires in { $time }
pairing-linked-to = WhatsApp is linked to
pairing-linked-hint = The bot now answers customers who write to this number. You can close this window.

## The Export window
export-title = Export data
export-intro = A ZIP file with a spreadsheet (CSV) and a JSON file for each kind of record, a summary to read first, and checksums of every file.
export-what = What to export
export-shop = The whole shop
export-shop-hint = Orders with their lines and history, payments with M-Pesa codes, the catalogue, customers, delivery zones, business details, chats and the audit log.
export-customer = One customer
export-customer-hint = Everything kept about one person, for a customer who asks for their data: their details, orders, payments and chats.
export-phone = Customer's phone number
export-choosing = Choose where to save the file…
export-writing = Writing { $name }… { $percent }%
export-stop = Stop
export-close = Close
export-start = Choose where to save…
export-saved = Export saved. Keep it somewhere safe: it holds customers' personal data.
export-file = File
export-size = Size
export-rows = Rows
export-rows-all = { $total } in all
export-rows-each = Rows of each kind
export-again = Export something else
export-done = Done
export-entity-business = Business details
export-entity-delivery-zones = Delivery zones
export-entity-categories = Categories
export-entity-catalogue = Catalogue
export-entity-stock-movements = Stock movements
export-entity-cash-ups = Cash-ups
export-entity-resellers = Resellers
export-entity-reseller-credits = Orders credited to resellers
export-entity-reseller-payouts = Payouts to resellers
export-entity-credit-payments = Credit paid back
export-entity-customers = Customers
export-entity-orders = Orders
export-entity-order-items = Order lines
export-entity-order-history = Order history
export-entity-payments = Payments
export-entity-digital-sends = Airtime and bundles
export-entity-conversations = Conversations
export-entity-messages = Messages
export-entity-erasure-requests = Erasure requests
export-entity-audit-log = Audit log

## The Disconnect window
disconnect-title = Disconnect
disconnect-intro = Cut this computer's links to outside services. The shop's orders, customers and catalogue on this computer stay; each step is noted in the audit log.
disconnect-loading = Loading…
disconnect-cancel = Cancel
disconnect-working = Working…
disconnect-close = Close
disconnect-wa-title = WhatsApp
disconnect-wa-not-linked = Not linked: this computer holds no WhatsApp keys.
disconnect-wa-linked = Linked to { $number }.
disconnect-wa-linked-business = Linked to { $number } ({ $name }).
disconnect-wa-linking = Linking has started on this computer.
disconnect-wa-effect-logout = DukaDesk logs this computer out of WhatsApp, so the shop's phone no longer lists it under Linked devices.
disconnect-wa-effect-keys = The WhatsApp keys kept on this computer are wiped at once.
disconnect-wa-effect-bot = The bot stops answering customers on WhatsApp. Chats and orders already here stay.
disconnect-wa-effect-again = You can link again later from Settings → WhatsApp, with a new code.
disconnect-wa-offline = WhatsApp could not be told, because this computer is offline. On the shop's phone, open WhatsApp → Linked devices and log this computer out there.
disconnect-wa-done = WhatsApp is unlinked and its keys are wiped from this computer.
disconnect-wa-action = Unlink WhatsApp…
disconnect-wa-question = Unlink WhatsApp from this computer now?
disconnect-wa-confirm = Unlink and wipe keys
disconnect-hosted-title = Sync with other tills
disconnect-hosted-connected = Connected to "{ $name }" as till "{ $device }".
disconnect-hosted-alone = Not connected: this till works on its own.
disconnect-hosted-effect-stop = This till stops syncing with "{ $name }" on { $url }.
disconnect-hosted-effect-key = Its key to the server is deleted from this computer at once. Connecting again needs a new enrolment string.
disconnect-hosted-effect-data = Orders, customers and the catalogue stay on this computer, and on the server for the shop's other tills.
disconnect-hosted-effect-pending = { $count ->
    [one] 1 change made here has not reached the server yet. It stays on this till, and goes up only if the till is connected to the same shop again.
   *[other] { $count } changes made here have not reached the server yet. They stay on this till, and go up only if the till is connected to the same shop again.
}
disconnect-hosted-effect-bot = The WhatsApp bot runs on this till: another till that offers to run it takes over.
disconnect-hosted-offline = The server could not be reached, so this till's hold on the WhatsApp bot ends by itself within two minutes.
disconnect-hosted-unsent = { $count ->
    [one] 1 change made here never reached the server. It is kept on this till.
   *[other] { $count } changes made here never reached the server. They are kept on this till.
}
disconnect-hosted-revoke = The server still lists this till. If this computer is leaving the shop, ask whoever runs your server to revoke it.
disconnect-hosted-done = This till has left "{ $name }". Its key to the server is deleted.
disconnect-hosted-action = Stop syncing with other tills…
disconnect-hosted-question = Stop syncing this till and delete its key to the server now?
disconnect-hosted-confirm = Leave and forget the key
disconnect-meta-title = Facebook and Instagram pages
disconnect-meta-now = Not connected. This version of DukaDesk does not connect to Facebook or Instagram pages, so it holds no tokens for them.

# The rules' refusals (a phone number, an amount, an order's move), named by
# key in crates/domain/src/words.rs. English here is the rules' own English,
# word for word (a test compares them).
error-fields = Some fields need fixing.
error-phone-empty = Enter a phone number, for example 0712 345 678.
error-phone-characters = A phone number has only digits (and an optional + at the start).
error-phone-not-recognised = That is not a Kenyan or Moroccan mobile number. Try 0712 345 678 or +254 712 345 678.
error-phone-length = That number has { $digits } digits; a mobile number has 10 (0712 345 678) or 12 with the country code (254 712 345 678).
error-amount-empty = Enter an amount, for example 250 or 99.50.
error-amount-not-a-number = "{ $typed }" is not an amount. Use digits, for example 250 or 99.50.
error-amount-decimals = Use at most two decimals, for example 99.50.
error-amount-negative = The amount cannot be negative.
error-amount-too-large = That amount is too large.
error-amount-currencies = Cannot combine { $first } and { $second } amounts.
error-tender-short = { $tendered } is less than the total { $total }: { $short } more is due.
error-order-already-paid = This order is already paid.
error-order-final = This order is already { $status }; it cannot change any more.
error-order-illegal = An order that is { $status } cannot be changed with "{ $step }".
error-status-draft = draft
error-status-awaiting-payment = awaiting payment
error-status-payment-failed = payment failed
error-status-paid = paid
error-status-preparing = preparing
error-status-out-for-delivery = out for delivery
error-status-delivered = delivered
error-status-cancelled = cancelled
error-step-request-payment = Request payment
error-step-payment-received = Payment received
error-step-payment-failed = Payment failed
error-step-retry-payment = Retry payment
error-step-mark-paid = Mark paid
error-step-start-preparing = Start preparing
error-step-dispatch = Send out for delivery
error-step-deliver = Mark delivered
error-step-cancel = Cancel order
error-step-paid-on-delivery = Paid on delivery
error-mpesa-code = An M-Pesa code has 10 letters and digits, like QFT4ABC12X (from the customer's SMS).
error-shop-code-short = Use at least 3 characters, for example mama-mboga.
error-shop-code-long = Use at most 30 characters.
error-shop-code-characters = Use only letters a-z, digits and dashes.
error-shop-code-dash = The code cannot start or end with a dash.
error-printer-address-empty = Type the printer's address, for example 192.168.1.50 (it is on the page the printer prints when you hold its feed button while switching it on).
error-printer-port = "{ $port }" is not a port number; receipt printers use 9100.
error-printer-address = Type only the address, for example 192.168.1.50 or 192.168.1.50:9100.
error-pay-to-number = A till or paybill number has 5 to 8 digits, e.g. 123456.
error-pay-to-kind = Choose a till (buy goods) or a paybill.
error-cart-not-for-sale = { $name } is no longer sold.
error-cart-out-of-stock = Only { $available } of { $name } left.
error-label-no-weight = The label shows no weight; weigh the item again.
error-label-no-price = The label shows no price; weigh the item again.
error-cart-quantity = Choose between 1 and { $max } units.
error-cart-currency = { $name } is priced in another currency.

# What the forms' own checks refuse (crates/domain/src/words.rs, `Problem`);
# English word for word as the rules write it.
problem-too-long = Use at most { $max } characters.
problem-no-items = Add at least one item.
problem-quantity = Quantities go from 1 to { $max }.
problem-scale-label = { $code } is not a scale label this till can read; scan it again.
problem-delivery-address = Enter where to deliver (a street, building or landmark).
problem-delivery-phone = A delivery needs the customer's phone for the rider.
problem-credit-phone = A sale on credit needs the customer's phone: it is who owes the money.
problem-on-delivery-phone = An order paid on delivery needs the customer's phone, to call at the hand-over.
problem-shop-name = Enter the shop's name as customers know it.
problem-zone-name = Enter the area's name, for example Westlands.
problem-all-days = Give the hours for all seven days.
problem-closes-before-opening = On { $day } the shop must close after it opens.
problem-hours-format = Use 24-hour times for { $day }, e.g. 08:00 and 20:00.
problem-alias-too-long = "{ $name }" is long: use at most 40 characters for each other name.
problem-too-many-aliases = Use at most { $max } other names, separated by commas.
problem-stock-number = Enter the stock as a whole number, for example 12.
problem-low-stock-number = Enter the warning level as a whole number, for example 12.
problem-megabytes-number = Enter the bundle size in MB as a whole number, for example 12.
problem-validity-number = Enter the validity in days as a whole number, for example 12.
problem-item-name = Enter the item's name, for example Sukuma wiki 1 bunch.
problem-price-zero = The price must be more than zero.
problem-bundle-size = A bundle must have more than 0 MB.
problem-bundle-days = A bundle must be valid for at least 1 day.
problem-airtime-price = Airtime is sent in whole shillings from KES 10 to KES 10,000: set the price to its face value.
problem-bundle-validity = Bundles are sold valid for 1, 7, 14, 30 or 90 days.
problem-barcode = Scan the barcode, or type the digits under it (at least 6).
problem-item-class = The KRA item classification is the ten digits KRA lists for this kind of goods, like 5059690800; leave it empty to use the shop's.
problem-low-stock-needs-stock = Type the stock too: only counted items can run low.
problem-category-name = Enter a category name, for example Vegetables.
problem-counted-cash = Count the cash in the drawer and type the total (0 if it is empty).
problem-cash-up-note = Keep the note under 500 characters.
problem-printer-port = Type the printer's port, for example /dev/usb/lp0, COM3 or \\localhost\POS58.
problem-report-order = The last day must be on or after the first day.
problem-report-days = Choose at most { $max } days.
problem-commission-on = Choose what the commission is earned on: everything, a category or an item.
problem-reseller-name = Type the reseller's name (at most 80 characters).
problem-reseller-code = Use 3 to 12 letters and digits, for example AMINA10.
problem-percentage = Type a percentage above 0 and at most 50, for example 5 or 2.5.
problem-per-unit = Type the amount earned for each unit sold, for example 10.
problem-pay-whom = Choose whom to pay.
problem-payout-amount = Type the amount paid, for example 500.
problem-payout-method = Choose cash or M-Pesa.
problem-password-short = Use at least { $min } characters: a short sentence is easy to remember and hard to guess.
problem-passwords-differ = The two passwords differ. Type the same password twice.
problem-pin = A PIN is 4 to 6 digits (0-9), nothing else.
problem-staff-name = Type the name this person is called at the till.
problem-staff-name-long = Keep the name under 40 characters; a first name is enough.
problem-passphrase-short = Use at least { $min } characters: a few words you will remember work well.
problem-passphrases-differ = The two passphrases differ. Type the same one twice.
problem-repaid-amount = Type the amount paid back.
problem-wrong-pin = That PIN is not right. { $count } more { $count ->
        [one] try
       *[other] tries
    } before a short wait.
problem-wrong-password = That password is not right. { $count } more { $count ->
        [one] try
       *[other] tries
    } before a short wait.
problem-owner-uses-password = The owner signs in with the owner password, not a PIN.
problem-pin-taken = Someone else already uses this PIN. Choose another one.
problem-pin-needed = Type a PIN of 4 to 6 digits.
problem-owner-stays = The owner cannot be deactivated.
problem-no-owner-password = No owner password is set yet. Set one first (the app asks for it).
problem-cannot-sign-in = { $name } can no longer sign in. Ask the owner.
problem-idle-minutes = Choose between 1 and 120 minutes.
problem-item-removed = An item in this order was removed from the catalogue.
problem-item-archived = { $name } is archived and no longer sold.
problem-none-left = None of { $name } left: the stock shows { $level }, as tills sold more than was counted. Count it again in the catalogue.
problem-only-left = Only { $left } of { $name } left in stock (asked for { $qty }).
problem-not-a-scale-label = { $code } is not a scale label; scan it again.
problem-label-not-for = The label { $code } is not for { $name }: its Barcode in the Catalogue must be { $barcode }.
problem-zone-gone = That delivery zone is no longer offered; pick another.
problem-airtime-phone = Type the phone number the airtime or bundle goes to.
problem-code-used = M-Pesa code { $code } is already recorded on order #{ $number }. Check the code on the customer's SMS.
problem-choose-payment = Choose cash, M-Pesa or credit.
problem-paid-at-hand-over = Order { $number } is paid when it is handed over: send it out (or make it ready for pickup) first, then record the money.
problem-statement-code = Type the M-Pesa code as it shows on your statement (10 letters and digits).
problem-code-or-reason = Type the M-Pesa code from the statement or the customer's SMS, or say why there is none.
problem-reason-long = Say why in at most 200 characters.
problem-code-recorded = M-Pesa code { $code } is already recorded on order #{ $number }.
problem-owes-nothing = They owe nothing: there is nothing to remind them of.
problem-cannot-remind = No reminder can be sent: this customer never wrote to the shop on WhatsApp, or asked for no messages (STOP). Remind them in person or by phone.
problem-unknown-environment = Choose the sandbox or production, or give an https:// address.
problem-daraja-key = Paste the consumer key from your Daraja app.
problem-daraja-secret = Paste the consumer secret from your Daraja app.
problem-daraja-shortcode = The shortcode has 5 to 7 digits, e.g. 174379.
problem-daraja-passkey = Paste the Lipa na M-Pesa passkey Safaricom gave you.
problem-daraja-till = A till number has 5 to 8 digits; leave it empty for a paybill.
problem-intasend-public-key = Paste the publishable key from your IntaSend dashboard.
problem-intasend-secret-key = Paste the secret key from your IntaSend dashboard.
problem-at-username = Type the username of your Africa's Talking app ("sandbox" on the sandbox).
problem-at-api-key = Paste the API key from your Africa's Talking dashboard (Settings → API Key).
problem-at-bundle-product = The product name is at most 100 characters.
problem-kra-key = Paste the consumer key of your app on KRA's developer portal (GavaConnect).
problem-kra-secret = Paste the consumer secret that goes with the key.
problem-kra-serial = Type this till's device serial number as you registered it with KRA for OSCU.
problem-kra-pin = A KRA PIN is a letter, nine digits and a letter, like P051234567X: copy it from your PIN certificate.
problem-kra-branch = The branch id is two digits: 00 for the head office, or the number KRA gave the branch.
problem-shop-item-class = The item classification code is the ten digits KRA lists for what the shop sells (eTIMS → item classification), like 5059690800.
problem-item-class-unlisted = KRA does not list { $code } as an item classification: type what the item is and pick a code from the list.
problem-item-class-withdrawn = KRA no longer uses { $code } ({ $name }) for new items: type what the item is and pick a code from the list.
problem-type-a-message = Type a message first.
problem-message-too-long = Keep a message under 4,000 characters.
problem-never-wrote = This customer has not written to the shop on WhatsApp yet. DukaDesk only answers customers who wrote first; message them from the phone if you must.
problem-currency-fixed = The currency cannot change once items have prices.
problem-whatsapp-number = Type the number with its country code, e.g. 254712345678.
problem-category-taken = There is already a category called { $name }.
problem-category-gone = That category no longer exists; pick another.
problem-barcode-taken = That barcode is already on { $name }. Scan this item's own code.
problem-stock-delta = Enter how many units to add (for example 12) or remove (for example -2).
problem-not-counted = { $name } is not counted. Type its stock in the catalogue to start counting it.
problem-reseller-code-taken = { $name } already has the code { $code }. Choose another.
problem-applies-to-gone = That category or item is no longer in the catalogue. Choose again.
problem-payout-over = At most { $most } is payable now (commission past the { $days }-day hold, less what was paid).
problem-payout-code-recorded = M-Pesa code { $code } is already recorded for a payout.
problem-daraja-first = Enter the Daraja credentials first.
problem-intasend-first = Enter the IntaSend keys first.
problem-order-years = Keep orders between { $min } and { $max } years (tax records must be kept at least { $min }).
problem-phone-taken = Another customer has this number.
problem-kra-first = Set this till up with KRA first.
problem-invoice-carries-pin = The invoice already carries { $pin }.
problem-wrong-passphrase = That passphrase does not open this shop's secrets. Check it and try again.
problem-photo-empty = That file is empty. Pick a photo saved as JPEG, PNG or WebP.
problem-photo-too-large = That file is larger than 20 MB. Pick a smaller photo, or save it again at a lower size.
problem-photo-not-a-picture = That file is not a JPEG, PNG or WebP picture. On an iPhone photo (HEIC), share it as JPEG first.
problem-photo-unreadable = That picture could not be read: it may be damaged or too large. Open it and save it again as JPEG, then try once more.
problem-over-limit = Over { $name }'s credit limit: they owe { $balance } of { $limit }, and this sale is { $amount }. Take part of it in cash or M-Pesa, or raise the limit on the Customers page.
problem-send-cancelled = Its order was cancelled, so it is not sent again. Refund the customer.
problem-send-erased = The customer's number was erased, so it cannot be sent again. Refund the customer.
problem-may-still-deliver = Africa's Talking may still deliver this one. Wait for its answer before sending by hand.
problem-refund-note = Say how the money went back (an M-Pesa code, or cash), in at most 200 characters.
problem-nothing-to-refund = Nothing to refund: this order brought in no cash or M-Pesa, or all of it went back already.
problem-refund-over = At most { $left } can go back for this order (the money it brought in, less refunds made).
problem-refund-amount = Type the amount given back, at most { $left }.
problem-refund-reason = Say why the money went back, for example "1 bread returned" (at most 200 characters).
problem-reseller-erased = This reseller was erased at their request and cannot be changed. Add them again if they come back.

## The screen's own code failed (a banner over everything)
crashed-words = This screen stopped working. Reload it to carry on: everything saved is kept.
crashed-reload = Reload the screen
crashed-details = What went wrong (for support)

## The sync indicator at the foot of the nav
sync-synced = Synced
sync-synced-title = Up to date with { $shop }.
sync-waiting = { $count } waiting
sync-waiting-title =
    { $count ->
        [one] One change waiting to go to { $shop }.
       *[other] { $count } changes waiting to go to { $shop }.
    }
sync-connecting = Connecting
sync-connecting-title = Logging in to { $shop }'s server.
sync-offline = Offline
sync-attention = Sync needs attention
