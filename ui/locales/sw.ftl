# Skrini za DukaDesk kwa Kiswahili. Jina lililo kushoto libaki lilivyo;
# tafsiri maneno ya kulia. { $name } ni thamani ambayo programu huweka.
# { $count } ni namba: ujumbe unaweza kuchagua maneno kwa namba hiyo,
# kama { $count -> [one] … *[other] … }.

## Menyu ya kushoto
nav-till = Kaunta
nav-catalogue = Bidhaa
nav-settings = Mipangilio
nav-inbox = Jumbe
nav-test-chat = Jaribu gumzo
nav-customers = Wateja
nav-reports = Ripoti
nav-resellers = Mawakala
nav-lock = Funga
nav-lock-title = Funga kaunta; wafanyakazi waingie tena kwa PIN zao

## Kaunta
till-search = Tafuta namba ya oda au simu  ( / )
till-search-label = Tafuta oda
till-new-order = Oda mpya
till-undo = Rudisha
till-orders = Oda
till-loading-orders = Inapakia oda…
till-no-match = Hakuna oda zinazolingana. Bonyeza 0 kuona oda zote, au Esc kwenye utafutaji kuufuta.
till-empty-no-items = Bado hakuna oda. Ongeza unachouza kwanza (Bidhaa, Alt+2), kisha bonyeza n kuandika oda.
till-empty = Bado hakuna oda. Bonyeza n kuandika moja.
# Idadi ya bidhaa kwenye oda, katika mstari wake.
till-order-items = Bidhaa { $count }
till-pickup = Kuchukua dukani
till-delivery = Kupelekewa
till-filter-label = Chuja kwa hali
till-filter-all = Zote
till-filter-out-or-ready = Inapelekwa au tayari
till-status-draft = Rasimu
till-status-awaiting-payment = Inasubiri malipo
till-status-payment-failed = Malipo yameshindwa
till-status-paid = Imelipwa
till-status-preparing = Inaandaliwa
till-status-out-for-delivery = Inapelekwa
till-status-ready-for-pickup = Tayari kuchukuliwa
till-status-delivered = Imefikishwa
till-status-collected = Imechukuliwa
till-status-cancelled = Imeghairiwa
till-hints = Njia za mkato za kibodi
till-hint-new-order = oda mpya
till-hint-search = tafuta
till-hint-select = chagua
till-hint-advance = hatua ifuatayo
till-hint-cancel = ghairi
till-hint-payment = malipo
till-hint-receipt = risiti
till-hint-filter = chuja
till-hint-screens = skrini
till-hint-check-mpesa = kagua M-Pesa
till-hint-settle-digital = muda wa maongezi na vifurushi

## Mipangilio
settings-title = Mipangilio
settings-sections = Sehemu za mipangilio
settings-group-shop = Duka lako
settings-group-connections = Miunganisho
settings-group-people = Watu na faragha
settings-group-computer = Kompyuta hii
settings-section-shop = Maelezo ya duka
settings-section-hours = Saa za kufungua
settings-section-delivery = Maeneo ya kupeleka
settings-section-mpesa = M-Pesa
settings-section-digital = Muda wa maongezi na vifurushi
settings-section-whatsapp = WhatsApp
settings-section-sync = Kuunganisha kaunta nyingine
settings-section-staff = Wafanyakazi
settings-section-privacy = Faragha
settings-section-computer = Printa, siri, masasisho

## Mipangilio → Kompyuta hii
appearance-title = Mwonekano
theme-dark-on = Mandhari meusi: yamewashwa
theme-dark-off = Mandhari meusi: yamezimwa
language-title = Lugha
language-hint = Lugha ya skrini za kaunta hii. Wateja wa WhatsApp hujibiwa kwa lugha yao wenyewe kila mara.
language-saved = Skrini sasa ziko kwa { $language }.

## Skrini ya kufunga
lock-who = Nani yuko kaunta?
lock-choose-name = Chagua jina lako uingie.
lock-type-pin = { $name }, andika PIN yako
lock-delete-digit = Futa tarakimu ya mwisho
lock-enter = Ingia
lock-owner = Mwenye duka
lock-owner-type = Mwenye duka, andika nenosiri lako
lock-owner-password = Nenosiri la mwenye duka
lock-sign-in = Ingia
lock-foot = Skrini hujifunga yenyewe baada ya dakika chache bila kutumika.

## Bidhaa
catalogue-show-archived = Onyesha zilizohifadhiwa
catalogue-new-item = Bidhaa mpya
catalogue-empty-press = Bado hakuna bidhaa. Bonyeza
catalogue-empty-to-add = kuongeza ya kwanza.
catalogue-archived = Imehifadhiwa
catalogue-low = Chache
catalogue-col-name = Jina
catalogue-col-category = Aina
catalogue-col-price = Bei
catalogue-col-stock = Idadi

## Kuhariri bidhaa
item-title-new = Bidhaa mpya
item-title-edit = Hariri bidhaa
item-name = Jina
item-description = Maelezo (si lazima)
item-aliases = Majina mengine (k.m. nyanya)
# { $currency } ni msimbo wa sarafu ya duka (KES).
item-price = Bei ({ $currency })
item-kind = Namna
item-kind-physical = Bidhaa halisi
item-kind-airtime = Muda wa maongezi
item-kind-bundle = Kifurushi cha data
item-stock = Idadi (tupu = haihesabiwi)
item-low-stock = Onya ikifika idadi hii au chini (tupu = usionye)
item-barcode = Msimbopau (skani hapa, au andika tarakimu)
item-airtime-hint = Muda wa maongezi hutumwa kwenye simu ya mteja kwa thamani sawa na bei.
item-megabytes = Ukubwa (MB)
item-validity = Muda wa matumizi (siku)
item-category = Aina
item-no-category = Bila aina
item-photo = Picha (si lazima)
item-photo-alt = Picha ya bidhaa
item-no-photo = Hakuna picha
item-remove-photo = Ondoa picha
item-photo-hint = JPEG, PNG au WebP. Wateja wanaoiomba kwa boti huipokea kwenye WhatsApp.
item-photo-too-large = Faili hiyo ni kubwa kuliko MB 20. Chagua picha ndogo zaidi, au uihifadhi tena kwa ukubwa mdogo.
item-photo-unreadable = Faili hiyo haikuweza kusomwa. Chagua picha tena.
item-save = Hifadhi
item-archive = Weka kando
item-restore = Rejesha
item-close = Funga

## Gumzo la majaribio
test-chat-title = Jaribu gumzo
test-chat-intro = Jifanye mteja anayechati na boti yako: itakujibu sawasawa na inavyojibu kwenye WhatsApp, kwa M-Pesa ya majaribio ili pesa halisi zisitumwe.
test-chat-phone-label = Gumzo la majaribio na boti yako
test-chat-subtitle = boti yako · gumzo la majaribio
test-chat-empty = Salimia kama mteja angefanya, au gusa jibu la haraka hapa chini.
test-chat-input-label = Ujumbe kama mteja
test-chat-input-placeholder = Ujumbe
test-chat-send = Tuma
test-chat-quick-replies = Majibu ya haraka
test-chat-settings = Mipangilio ya majaribio
test-chat-phone = Simu ya mteja wa majaribio
test-chat-phone-hint = Hakuna kinachotumwa kwa namba hii: boti inaiona tu kama namba ya mteja.
test-chat-payment = Boti ikiomba M-Pesa, mteja…
test-chat-payment-pays = analipa
test-chat-payment-cancels = anaghairi ombi
test-chat-payment-never = hajibu kamwe
test-chat-airtime = Muda wa maongezi wa kuigiza
test-chat-airtime-delivered = Unafika
test-chat-airtime-fails = Unashindwa
test-chat-airtime-hint = Unashindwa: jaribu kile mteja anaambiwa muda wake wa maongezi au kifurushi kisipoweza kutumwa.
test-chat-start-over = Anza upya
test-chat-reset-done = Gumzo la majaribio linaanza upya.
# Huonyeshwa baada ya vitufe Enter, r na Esc: "Enter hutuma, r hurudi kwenye kisanduku cha ujumbe, Esc hutoka humo."
test-chat-keys-sends = hutuma,
test-chat-keys-back = hurudi kwenye kisanduku cha ujumbe,
test-chat-keys-leave = hutoka humo.

## Jumbe
inbox-title = Jumbe
inbox-chats = Mazungumzo
inbox-loading = Inapakia mazungumzo…
inbox-empty = Bado hakuna mazungumzo. Ijaribu boti yako kwenye "Jaribu gumzo" (Alt+5).
inbox-channel-test-chat = Gumzo la majaribio
inbox-unread =
    { $count ->
        [one] { $count } haujasomwa
       *[other] { $count } hazijasomwa
    }
inbox-attention = Inahitaji kushughulikiwa
inbox-attention-title = Mteja ameomba kuongea na mtu, au malipo yanahitaji kushughulikiwa
inbox-staff = Wafanyakazi
inbox-staff-title = Wafanyakazi wanajibu; boti imesimamishwa
inbox-pick = Chagua mazungumzo kwa ↑ ↓ (au j k), au bofya moja.
inbox-loading-chat = Inapakia mazungumzo…
inbox-no-messages = Bado hakuna ujumbe.
# { $time } ni saa (14:30).
inbox-took-over = { $name } amechukua mazungumzo · boti imesimamishwa hadi { $time }
inbox-bot-paused = Boti imesimamishwa hadi { $time }
inbox-bot-answering = Boti inajibu
inbox-bot-answering-handed-back = Boti inajibu · { $name } ameyarudisha kwa boti
inbox-take-over = Chukua mazungumzo
inbox-hand-back = Rudisha kwa boti
inbox-bot-paused-toast = Umechukua mazungumzo haya; boti imesimamishwa.
inbox-bot-back-toast = Boti inajibu mazungumzo haya tena.
inbox-reply-label = Jibu
inbox-reply-placeholder = Andika jibu…  ( r )
inbox-send = Tuma
inbox-reply-hint = Enter hutuma, Shift+Enter huanza mstari mpya.
inbox-reply-hint-pauses = Enter hutuma, Shift+Enter huanza mstari mpya. Ukijibu, boti husimama kwa saa moja.
inbox-hints = Njia za mkato za kibodi
inbox-hint-chats = mazungumzo
inbox-hint-reply = jibu
inbox-hint-send = tuma
inbox-hint-new-line = mstari mpya
inbox-hint-leave-reply = toka kwenye jibu
inbox-hint-screens = skrini

## Orodha ya kuanza kwenye kaunta
start-title = Anzisha duka lako
start-title-ready = Duka lako liko tayari
# { $count } ni idadi ya hatua zilizokamilika kati ya { $total }.
start-count =
    { $count ->
        [one] Hatua { $count } kati ya { $total } imekamilika
       *[other] Hatua { $count } kati ya { $total } zimekamilika
    }
start-folded =
    { $count ->
        [one] Kuanza: hatua { $count } kati ya { $total } imekamilika.
       *[other] Kuanza: hatua { $count } kati ya { $total } zimekamilika.
    }
start-unfold = Onyesha orodha ya kuanza
start-hide = Ficha
start-open = Fungua
start-items-title = Ongeza unachouza
start-items-hint = Jina, bei na idadi: bidhaa chache zinatosha kuanza.
start-test-chat-title = Agiza kupitia gumzo la majaribio
start-test-chat-hint = Jifanye mteja ukichati na boti yako, kisha ulipe kwa M-Pesa ya majaribio.
start-mpesa-title = Unganisha M-Pesa
start-mpesa-hint = Namba yako ya Till au Paybill, au IntaSend au Daraja kwa maombi ya kulipa kwenye simu.
start-whatsapp-title = Unganisha WhatsApp yako
start-whatsapp-hint = Unganisha kompyuta hii na WhatsApp ya duka, kama WhatsApp Web.
start-share-title = Shiriki kiungo cha duka lako
start-share-hint = Nakili kiungo au chapisha bango lenye msimbo wake wa QR.
start-link-whatsapp-first = Unganisha WhatsApp kwanza: kiungo hufungua gumzo na namba ya WhatsApp ya duka.
start-link-label = Kiungo cha duka lako
start-copy-link = Nakili kiungo
start-link-copied = Kiungo cha duka kimenakiliwa: kibandike kwenye status yako ya WhatsApp, vikundi na ukurasa wa Facebook.
start-link-press-ctrl-c = Bonyeza Ctrl+C kunakili kiungo kilichochaguliwa.
start-poster-a4 = Bango (A4)
start-poster-a5 = Bango (A5)
# { $path } ni mahali faili lilipohifadhiwa.
start-poster-saved = Bango limehifadhiwa: { $path }. Lichapishe na ulibandike mahali wateja wanapoliona.
start-nothing-saved = Hakuna kilichohifadhiwa: hakuna mahali palipochaguliwa.

## Muda wa maongezi na vifurushi vya kushughulikia, kwenye kaunta
# Idadi ya muda wa maongezi au vifurushi vinavyohitaji wafanyakazi, kwenye ukanda wa njano.
digital-strip =
    { $count ->
        [one] Ununuzi { $count } wa muda wa maongezi au kifurushi unakuhitaji
       *[other] Manunuzi { $count } ya muda wa maongezi au vifurushi yanakuhitaji
    }
digital-open = Shughulikia sasa
digital-panel-title = Muda wa maongezi na vifurushi vya kushughulikia
digital-close = Funga
digital-panel-hint = Iliyoshindwa kutumwa ni deni kwa mteja: itume tena (baada ya kuongeza salio lako la Africa's Talking), itume kwa mkono kutoka laini ya duka, au mrudishie pesa. Inayosubiri bado inaeleza inasubiri nini.
digital-empty = Muda wa maongezi na vifurushi vyote vimeshughulikiwa.
digital-recipient-erased = namba imefutwa
digital-simulated = Gumzo la majaribio
digital-state-unpaid = Bado haijalipwa
digital-state-queued = Inasubiri kutumwa
digital-state-sending = Inatumwa
digital-state-sent = Imetumwa, inakaguliwa kama imefika
digital-state-delivered = Imefika
digital-state-failed = Imeshindwa: pesa irudishwe
digital-state-refunded = Pesa imerudishwa
digital-state-cancelled = Imeghairiwa
digital-waiting = Africa's Talking bado inaweza kuifikisha: hakuna la kufanya kwa sasa.
digital-send-again = Tuma tena
digital-sent-by-hand = Nimetuma kwa mkono
digital-refunded = Pesa imerudishwa
digital-refund-note = Pesa ilirudishwa vipi
digital-refund-note-placeholder = Kurudisha: msimbo wa M-Pesa, au taslimu
digital-note-required = Eleza jinsi pesa ilivyorudishwa: msimbo wa M-Pesa wa kurudisha, au taslimu.
# { $number } ni namba ya oda (1042); huonyeshwa baada ya uamuzi.
digital-done-again = #{ $number }: tunatuma tena.
digital-done-by-hand = #{ $number }: umeandika kuwa ulituma kwa mkono.
digital-done-refunded = #{ $number }: umeandika kuwa ulirudisha pesa.

## Mipangilio → Muda wa maongezi na vifurushi
digital-title = Muda wa maongezi na vifurushi (Africa's Talking)
digital-intro = Muda wa maongezi na vifurushi vya data ambavyo wateja hununua kwenye gumzo hutumwa kwenye simu zao kupitia akaunti yako ya Africa's Talking. Gumzo la majaribio hutumia mtoa huduma wa kuigiza kila mara.
digital-loading = Inapakia…
digital-environment = Mazingira
digital-env-sandbox = Sandbox (majaribio, hakuna kinachofika kwenye simu)
digital-env-production = Production (muda wa maongezi halisi)
# { $url } ni anwani iliyohifadhiwa ambayo si mojawapo ya za Africa's Talking.
digital-env-custom = Maalum: { $url }
digital-username = Jina la mtumiaji
digital-username-hint = Jina la mtumiaji la programu yako ya Africa's Talking; kwenye sandbox ni sandbox.
digital-api-key = Ufunguo wa API
digital-api-key-placeholder = Kutoka dashibodi yako: Settings → API Key
digital-api-key-keep = umehifadhiwa — acha tupu kuubakiza
digital-api-key-saved = Ufunguo umehifadhiwa. Acha sehemu hii tupu kuubakiza, au bandika mpya.
digital-bundle-product = Bidhaa ya vifurushi vya data (si lazima)
digital-bundle-product-hint = Jina la bidhaa kwenye dashibodi yako ya Africa's Talking. Iache tupu kama unauza muda wa maongezi tu.
digital-save = Hifadhi mipangilio ya muda wa maongezi
digital-saved = Mipangilio ya muda wa maongezi imehifadhiwa.
digital-test = Jaribu muunganisho
digital-testing = Inakagua…
digital-not-tested = Haijajaribiwa: angalia maelezo yaliyowekwa alama hapo juu.

## Mawakala (wanaoleta wateja na kupata komisheni)
resellers-title = Mawakala
resellers-add = Ongeza wakala
resellers-explain = Gumzo lenye msimbo wa wakala (kupitia kiungo chake, au ukiandikwa) humhesabia wakala huyo oda zake kwa siku 30. Komisheni husubiri siku 7 baada ya oda, kisha inalipika; oda ikighairiwa, komisheni yake inaondolewa. Wakala anaweza kuiuliza boti "mauzo yangu" kutoka namba yake ya WhatsApp.
resellers-loading = Inapakia mawakala…
resellers-empty = Bado hakuna mawakala. Ongeza watu wanaokuletea wateja: kila mmoja anapata msimbo na kiungo chake cha duka.
resellers-retry = Jaribu tena
resellers-col-name = Jina
resellers-col-phone = Simu
resellers-col-code = Msimbo
resellers-col-rule = Komisheni
resellers-col-orders = Oda
resellers-col-sales = Mauzo
resellers-col-pending = Inasubiri
resellers-col-payable = Inalipika
resellers-col-paid = Imelipwa
resellers-paused = Amesimamishwa
resellers-paused-title = Amesimamishwa: msimbo wake haumhesabii oda mpya
# { $amount } ni kiasi cha pesa (KES 10).
resellers-rule-per-unit = { $amount } kwa kila kipande
resellers-pick = Chagua wakala kuona kiungo chake cha duka na kumlipa.
reseller-form-new = Wakala mpya
reseller-form-edit = Badilisha wakala
reseller-name = Jina
reseller-phone = Namba ya WhatsApp
reseller-phone-hint = Kutoka namba hii anaweza kuiuliza boti mauzo na komisheni yake.
reseller-code = Msimbo
reseller-code-placeholder = Acha wazi, utatengenezwa kutoka kwa jina
reseller-rule = Komisheni
reseller-rule-percent = Asilimia ya bei ya bidhaa
reseller-rule-per-unit = Kiasi kwa kila kipande kinachouzwa
reseller-rate-percent = Asilimia (%)
# { $currency } ni msimbo wa sarafu ya duka (KES).
reseller-rate-per-unit = Kiasi kwa kipande ({ $currency })
reseller-active = Yuko kazini: msimbo wake unamhesabia oda mpya
reseller-save = Hifadhi wakala
reseller-cancel = Ghairi
reseller-saved = { $name } amehifadhiwa.
reseller-edit = Badilisha
reseller-link-label = Kiungo chake cha duka
reseller-copy-link = Nakili kiungo
reseller-link-copied = Kiungo kimenakiliwa: mtumie { $name } akishiriki na wateja wake.
reseller-qr-label = Msimbo wa QR wa kiungo cha duka cha { $name }
reseller-link-hint = Mteja anayefungua kiungo au kuchanganua msimbo huanza gumzo na duka lenye msimbo wa wakala huyu.
reseller-no-link = Unganisha WhatsApp upate kiungo cha duka kwa kila wakala. Hadi hapo, wateja wake wanaweza kutuma ujumbe huu (au msimbo peke yake) kwa WhatsApp ya duka:
reseller-greeting-label = Ujumbe ambao wateja wake hutuma
reseller-copy-greeting = Nakili ujumbe
reseller-greeting-copied = Ujumbe umenakiliwa.
reseller-link-whatsapp = Unganisha WhatsApp
reseller-press-ctrl-c = Bonyeza Ctrl+C kunakili maandishi yaliyochaguliwa.
payout-title = Mlipe { $name }
payout-payable = Inalipika sasa: { $amount }
payout-pending = Inasubiri: { $amount } (inalipika siku 7 baada ya kila oda)
payout-nothing = Bado hakuna kinacholipika.
payout-negative = Alilipwa zaidi ya alichopata (oda ilighairiwa baadaye): komisheni mpya itafidia tofauti hiyo kwanza.
payout-amount = Kiasi
payout-method = Amelipwa kwa
payout-method-cash = Taslimu
payout-method-mpesa = M-Pesa
payout-receipt = Msimbo wa M-Pesa
payout-save = Rekodi malipo
payout-done = { $amount } kwa { $name }: malipo yamerekodiwa.
