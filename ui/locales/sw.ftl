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
till-status-new-on-delivery = Mpya: pesa taslimu wakipokea
order-cash-on-delivery = Pesa taslimu wakipokea
order-collect-on-delivery = Hulipwa inapokabidhiwa: rekodi { $total } hapa chini inapokabidhiwa; hilo linakamilisha oda.
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
settings-section-tax = Kodi (eTIMS)
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
item-tax-band = Kundi la kodi
item-tax-band-default = Chaguo-msingi la duka
item-tax-class = Aina ya KRA
item-tax-class-hint = La duka: andika ni nini
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
test-chat-intro-on-delivery = Jifanye mteja anayeongea na roboti yako, kama itakavyojibu kwenye WhatsApp. Duka lako hupokea pesa taslimu oda inapokabidhiwa: oda unazoweka hapa zinasubiri kwenye kaunta, na unarekodi pesa hapo unapozikabidhi.
test-chat-on-delivery = Pesa taslimu inapokabidhiwa: hakuna M-Pesa inayoombwa. Rekodi pesa kwenye kaunta oda inapokabidhiwa.
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

## Settings → Tax (KRA eTIMS)
tax-title = Ankara za kodi (KRA eTIMS)
tax-intro = eTIMS husaini kila mauzo kwa KRA ili wanunuzi waweze kudai VAT yao. Maduka yasiyosajiliwa kwa VAT yanaweza kutumia eTIMS Lite (eCitizen au *222#) badala yake.
tax-loading = Inapakia…
tax-status-set-up = Imewekwa kama kifaa { $device } cha { $name } (PIN { $pin }, tawi { $branch }).
tax-status-not-set-up = Haijawekwa: mauzo hayatolewi ankara.
tax-status-unsigned =
    { $count ->
        [0] Kila ankara imesainiwa.
        [one] Ankara { $count } bado haijasainiwa.
       *[other] Ankara { $count } bado hazijasainiwa.
    }
tax-no-band =
    { $count ->
        [one] Bidhaa { $count } haina kundi la kodi: mauzo yake yanasubiri. Ipe kundi kwenye Katalogi, au chagua kundi la msingi hapa chini.
       *[other] Bidhaa { $count } hazina kundi la kodi: mauzo yake yanasubiri. Zipe kundi kwenye Katalogi, au chagua kundi la msingi hapa chini.
    }
tax-status-off = Utoaji wa ankara umezimwa: mauzo mapya hayatolewi ankara.
tax-environment = Mazingira
tax-env-sandbox = Sandbox (majaribio, hakuna kinachofika kwenye rekodi halisi za KRA)
tax-env-production = Production (ankara halisi za kodi)
tax-env-custom = Maalum: { $url }
tax-consumer-key = Consumer key
tax-consumer-secret = Consumer secret
tax-secret-keep = imehifadhiwa — acha tupu kuibakiza
tax-keys-hint = Kutoka kwa programu yako kwenye tovuti ya wasanidi programu ya KRA (developer.go.ke).
tax-pin = PIN ya KRA
tax-branch = Nambari ya tawi
tax-serial = Nambari ya serial ya kifaa
tax-serial-hint = Nambari ya serial ya kaunta hii, kama ilivyosajiliwa na KRA kwa eTIMS (OSCU).
tax-item-class = Msimbo wa uainishaji wa bidhaa
tax-item-class-hint = Tarakimu kumi ambazo KRA huorodhesha kwa kile duka linachouza (uainishaji wa bidhaa wa eTIMS). Kila bidhaa husajiliwa na KRA chini yake kabla ya ankara yake ya kwanza.
tax-default-band = Kundi la kodi la kawaida
tax-default-band-hint = Kwa bidhaa zisizo na kundi lao wenyewe (Bidhaa → bidhaa → Kundi la kodi).
tax-band-none = Hakuna — kila bidhaa inahitaji kundi lake
tax-enabled = Toa ankara kwa kila mauzo
tax-set-up = Weka na KRA
tax-setting-up = Inauliza KRA…
tax-set-up-done = Imewekwa na KRA kama kifaa { $device }.
tax-save-options = Hifadhi
tax-options-saved = Mipangilio ya kodi imehifadhiwa.
tax-unsigned-title = Ankara ambazo bado hazijasainiwa
tax-all-signed = Kila ankara imesainiwa.
tax-credit-note = CN { $number } (ya { $original })
tax-col-number = Nambari
tax-col-order = Oda
tax-col-amount = Kiasi
tax-col-age = Muda
tax-col-state = Hali
tax-col-reason = Sababu
tax-state-queued = Inasubiri
tax-state-sending = Inatumwa tena
tax-state-signed = Imesainiwa
tax-send-now = Tuma sasa
tax-sending = Inatuma…
tax-sent =
    { $count ->
        [0] Zimetumwa: kila ankara imesainiwa.
        [one] Zimetumwa: ankara { $count } bado inasubiri.
       *[other] Zimetumwa: ankara { $count } bado zinasubiri.
    }

## Kaunta → maelezo ya oda: ankara yake ya kodi ya KRA eTIMS
order-tax-label = Ankara ya kodi ya KRA
order-tax-pin = PIN ya KRA ya mnunuzi, kwa ankara anayoweza kudai
order-tax-pin-now = Ankara ina { $pin }.
order-tax-reissue = Toa kwa PIN hii
order-tax-reissue-hint = KRA inapata hati ya marejesho kwa ankara iliyosainiwa na ankara mpya yenye PIN
order-tax-invoice = Ankara ya kodi { $number }
order-tax-credit-note = Noti ya mkopo { $number } ya ankara { $original }
order-tax-signed = Imesainiwa na KRA
order-tax-receipt = Risiti ya KRA { $receipt }
order-tax-waiting = Inasubiri KRA
order-tax-settings-note = Mipangilio → Kodi inaonyesha kila ankara ambayo bado haijasainiwa.

## Mawakala (wanaoleta wateja na kupata komisheni)
resellers-title = Mawakala
resellers-add = Ongeza wakala
resellers-sheet = Hifadhi kama jedwali
resellers-sheet-title = Takwimu za kila wakala kama faili la CSV kwa Excel au mhasibu wako
resellers-sheet-saved = Imehifadhiwa: { $path }
resellers-sheet-nothing = Hakuna kilichohifadhiwa.
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
reseller-first-order-only = Oda ya kwanza tu ya kila mteja kupitia kwake inapata komisheni
resellers-rule-on = { $rule } kwa { $goods }
resellers-rule-on-gone = { $rule } kwa bidhaa zisizouzwa tena
reseller-applies-to = Inapatikana kwa
reseller-applies-everything = Kila kitu wateja wake wanunuacho
reseller-applies-category = Aina: { $name }
reseller-save = Hifadhi wakala
reseller-cancel = Ghairi
reseller-saved = { $name } amehifadhiwa.
reseller-edit = Badilisha
reseller-erase = Futa taarifa binafsi…
reseller-erase-question = Futa jina, namba na msimbo wa { $name } kabisa, kwenye kila kompyuta? Mauzo, kamisheni na malipo yake yanabaki kwenye hesabu za duka.
reseller-erase-confirm = Futa
reseller-erase-keep = Acha
reseller-erased = { $name } amefutwa.
reseller-erased-badge = Amefutwa
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

## Wateja
customers-title = Wateja
customers-no-name = Hakuna jina
customers-no-offers = Hataki matangazo
customers-no-offers-title = Ameomba asitumiwe matangazo (STOP)
customers-search-placeholder = Jina au tarakimu za simu
customers-search-label = Tafuta mteja
customers-empty = Bado hakuna wateja. Wanaonekana hapa baada ya oda au gumzo lao la kwanza.
customers-no-match = Hakuna mteja anayelingana. Jaribu herufi chache zaidi au tarakimu za mwisho za namba.
customers-col-name = Jina
customers-col-phone = Simu
customers-col-orders = Oda
customers-col-last-order = Oda ya mwisho
customers-privacy-title = Faragha
customers-privacy-hint = Chagua mteja kurekebisha taarifa zake au kuzifuta. Kufuta huondoa jina, namba na mazungumzo yake kwenye kila kaunta; oda zake zinabaki kwenye rekodi za kodi bila taarifa hizo.
# Kabla na baada ya amri DELETE ME (inabaki kwa Kiingereza: boti huisoma hivyo):
# "Wateja wanaweza pia kutuma DELETE ME kwa boti."
customers-delete-me-before = Wateja wanaweza pia kutuma
customers-delete-me-after = kwa boti.
customer-saved = Taarifa za mteja zimehifadhiwa.
# Baada ya kufuta mteja; { $count } ni idadi ya oda zake zinazobaki.
customer-erased =
    { $count ->
        [one] Imefutwa. Oda { $count } imebaki bila taarifa zake.
       *[other] Imefutwa. Oda { $count } zimebaki bila taarifa zake.
    }
customer-erased-chats = Mazungumzo { $count } yameondolewa.
customer-this-customer = mteja huyu
customer-orders = Oda { $count }
# { $time } ni wakati wa oda yake ya mwisho (14:05, au 12 Mar 14:05).
customer-last-order = ya mwisho { $time }
customer-opted-out = ameomba asitumiwe matangazo
customer-name = Jina
customer-phone = Simu
customer-save = Hifadhi
customer-erase = Futa taarifa binafsi…
customer-close = Funga
# { $name } ni jina au namba ya mteja; { $count } ni idadi ya oda zake.
customer-erase-question =
    { $count ->
        [0] Futa jina, namba na mazungumzo ya { $name } kwenye kila kaunta? Hana oda yoyote. Hatua hii haiwezi kutenduliwa.
        [one] Futa jina, namba na mazungumzo ya { $name } kwenye kila kaunta? Oda yake inabaki kwenye rekodi za kodi bila taarifa zake. Hatua hii haiwezi kutenduliwa.
       *[other] Futa jina, namba na mazungumzo ya { $name } kwenye kila kaunta? Oda zake { $count } zinabaki kwenye rekodi za kodi bila taarifa zake. Hatua hii haiwezi kutenduliwa.
    }
customer-erase-confirm = Futa
customer-erase-keep = Usifute

## Wateja → madeni
credit-title = Madeni
# { $amount } ni kiasi cha pesa (KES 150).
credit-owes = Anadaiwa { $amount }
credit-overpaid = Amelipa { $amount } zaidi ya deni
credit-owes-nothing = Hadaiwi chochote
# Baada ya salio: tangu lini mauzo ya zamani zaidi yasiyolipwa yanadaiwa.
credit-since = tangu { $time }
credit-limit = Kikomo cha mkopo (tupu: hakuna; mwenye duka pekee)
credit-limit-save = Weka kikomo
credit-limit-set = Kikomo cha mkopo sasa ni { $amount }.
credit-limit-none = Sasa hakuna kikomo cha mkopo.
credit-amount = Amelipa
credit-method = Kwa njia gani
credit-method-cash = Taslimu
credit-method-mpesa = M-Pesa (msimbo)
credit-receipt = Msimbo wa M-Pesa
credit-repay-save = Rekodi malipo
credit-repaid = Malipo yamerekodiwa: bado anadaiwa { $amount }.
credit-remind = Tuma ukumbusho
credit-remind-title = Ujumbe mfupi kwa lugha yake, kwenye gumzo lake la WhatsApp
credit-reminder-sent = Ukumbusho umetumwa kwenye WhatsApp.
# Kwenye historia: { $number } ni namba ya oda (1042).
credit-sale = Oda #{ $number } kwa mkopo
# { $code } ni msimbo wa M-Pesa; { $name } ni aliyerekodi pesa.
credit-repaid-mpesa = Amelipa kwa M-Pesa { $code } ({ $name })
credit-repaid-cash = Amelipa taslimu ({ $name })
debtors-title = Wanaodaiwa (madeni)
debtors-loading = Inajumlisha…
debtors-empty = Hakuna anayedaiwa na duka. Kuuza kwa mkopo, chagua "Kwa mkopo" kama malipo ya oda mpya yenye simu ya mteja.
debtors-erased = Mteja aliyefutwa
debtors-col-who = Nani
debtors-col-owes = Anadaiwa
debtors-col-since = Tangu

## Mipangilio → Faragha
privacy-title = Faragha
privacy-hint = Hamisha duka zima kama ZIP ya majedwali, au kila kinachohifadhiwa kuhusu mteja mmoja anapoomba data yake. Kukata muunganisho huondoa WhatsApp au husimamisha kuunganisha na kaunta nyingine. Kila moja huandikwa kwenye kumbukumbu ya ukaguzi.
privacy-export = Hamisha data…
privacy-disconnect = Kata muunganisho…
privacy-loading = Inapakia…
# "Hifadhi oda na risiti za M-Pesa kwa miaka [7]"
privacy-years-label = Hifadhi oda na risiti za M-Pesa kwa
privacy-years-unit = miaka
privacy-save = Hifadhi
# { $count } ni idadi ya miaka (5 hadi 30).
privacy-saved =
    { $count ->
        [one] Oda zinahifadhiwa kwa mwaka { $count }.
       *[other] Oda zinahifadhiwa kwa miaka { $count }.
    }
# { $count } ni idadi ya miezi.
privacy-chats-kept =
    { $count ->
        [one] Mazungumzo huondolewa mwezi { $count } baada ya ujumbe wake wa mwisho. Wateja wanaoandika DELETE ME hufutwa mara boti inapowajibu.
       *[other] Mazungumzo huondolewa miezi { $count } baada ya ujumbe wake wa mwisho. Wateja wanaoandika DELETE ME hufutwa mara boti inapowajibu.
    }
privacy-last-checked = Ilikaguliwa mwisho { $time }.
privacy-audit-title = Kumbukumbu ya ukaguzi
privacy-audit-empty = Bado hakuna hatua za faragha.
# { $count } ni idadi ya mistari kwenye kumbukumbu.
privacy-show-all = Onyesha zote { $count }

## Mipangilio → Maelezo ya duka (na fomu ya mwanzo)
shop-name = Jina la duka
shop-code = Msimbo kwenye kiungo cha wateja wako
shop-code-hint = Wateja hutuma msimbo huu kwenye WhatsApp kufikia duka lako. Acha tupu kutumia uliopendekezwa.
shop-business-type = Aina ya biashara
shop-country = Nchi
shop-country-kenya = Kenya (KES)
shop-country-morocco = Moroko (MAD)
# { $currency } ni msimbo wa sarafu (KES).
shop-prices-in = Bei kwa { $currency }
shop-owner-password = Nenosiri la mwenye duka
shop-owner-password-hint = Angalau herufi 8. Linahitajika kwa mipangilio ya malipo, kuhamisha data na kufuta data.
shop-owner-repeat = Rudia nenosiri
shop-save = Hifadhi maelezo ya duka
shop-saved = Maelezo ya duka yamehifadhiwa.
business-grocery = Duka la vyakula na mahitaji
business-restaurant = Mgahawa / chakula
business-fashion = Mavazi na mitindo
business-electronics = Vifaa vya elektroniki
business-beauty = Urembo
business-hardware = Vifaa vya ujenzi
business-airtime-and-data = Muda wa maongezi na vifurushi vya data
business-other = Nyingine

## Mipangilio → Saa za kufungua
day-monday = Jumatatu
day-tuesday = Jumanne
day-wednesday = Jumatano
day-thursday = Alhamisi
day-friday = Ijumaa
day-saturday = Jumamosi
day-sunday = Jumapili
hours-hint = Boti huwaambia wateja saa unapofungua, na (ukiruhusu) bado hupokea oda zao.
hours-open = Wazi
# Kwa visoma skrini; { $name } ni siku (Jumatatu).
hours-opens-at = { $name } inafunguliwa saa
hours-closes-at = { $name } inafungwa saa
hours-orders-when-closed = Ruhusu boti ipokee oda duka likiwa limefungwa (zinaandaliwa ukifungua)
hours-save = Hifadhi saa za kufungua
hours-saved = Saa za kufungua zimehifadhiwa.

## Mipangilio → Maeneo ya kupeleka
zones-empty = Bado hakuna maeneo ya kupeleka: kila oda ni ya kuchukua dukani.
zone-inactive = Haitumiki
zone-new = Eneo jipya
zone-edit = Hariri eneo
zone-area = Eneo
# Mfano wa jina la eneo, katika nchi ya duka.
zone-area-placeholder = Westlands
# { $currency } ni msimbo wa sarafu ya duka (KES).
zone-fee = Gharama ({ $currency })
zone-active = Wape wateja eneo hili
zone-save = Hifadhi eneo
zone-saved = Eneo la kupeleka limehifadhiwa.

## Mipangilio → M-Pesa
payment-title = Malipo (M-Pesa)
payment-intro = Gumzo la majaribio hutumia malipo ya kuigiza kila mara. Mazungumzo halisi hayafanyi hivyo kamwe: bila huduma ya M-Pesa iliyounganishwa (au ikiwa kwenye sandbox), wateja hulipa kwa mkono kwenye till au paybill yako na wafanyakazi huthibitisha kila msimbo wa M-Pesa.
payment-loading = Inapakia…
payment-provider = Jinsi wateja wa chat wanavyolipa
payment-provider-none = Hakuna: wateja hulipa kwa mkono (till au paybill)
payment-provider-intasend = IntaSend: ombi la kulipa kwenye simu ya mteja, rahisi zaidi kuweka
payment-provider-daraja = Nina funguo za Daraja (Safaricom M-Pesa Express)
payment-provider-on-delivery = Pesa taslimu wanapopokea: hakuna M-Pesa, wateja hulipa wanapokabidhiwa oda
payment-environment = Mazingira
payment-env-sandbox = Sandbox (majaribio, bila pesa)
payment-env-production = Production (pesa halisi)
payment-env-live = Live (pesa halisi)
# { $url } ni anwani iliyohifadhiwa ambayo si ya huduma yenyewe.
payment-env-custom = Maalum: { $url }
payment-keep-placeholder = umehifadhiwa — acha tupu kuubakiza
payment-daraja-legend = Vitambulisho vya Daraja
payment-daraja-hint = Kutoka programu yako kwenye developer.safaricom.co.ke na passkey ya Lipa na M-Pesa Online ambayo Safaricom hukutumia.
payment-consumer-key = Consumer key
payment-consumer-secret = Consumer secret
payment-secret-placeholder = Kutoka programu yako ya Daraja
payment-shortcode = Shortcode ya biashara
payment-pay-to = Wateja hulipa kwa
payment-collection-paybill = Paybill (wateja huandika namba ya akaunti)
payment-collection-till = Namba ya Till (Buy Goods)
payment-till-number = Namba ya Till
payment-till-hint = Shortcode iliyo juu basi ni namba ya ofisi yako kuu.
payment-till-required = Andika namba ya till, au chagua paybill.
payment-passkey = Passkey
payment-passkey-placeholder = Kutoka Safaricom (Lipa na M-Pesa Online)
payment-intasend-legend = Funguo za API za IntaSend
payment-public-key = Publishable key
payment-secret-key = Secret key
payment-intasend-hint = Kutoka dashibodi yako ya IntaSend: Settings → API keys.
payment-manual-legend = Kulipa kwa mkono
payment-manual-hint = Mahali wateja wa gumzo hutuma pesa wakati hakuna huduma ya M-Pesa inayozikusanya. Boti huwaambia, nao hutuma msimbo wa M-Pesa ili wafanyakazi wauthibitishe.
payment-manual-till = Namba ya Till (Buy Goods)
payment-manual-paybill = Paybill (akaunti: namba ya oda)
payment-manual-number = Namba
payment-manual-number-placeholder = k.m. 5123456
payment-save = Hifadhi mipangilio ya malipo
payment-saved = Mipangilio ya malipo imehifadhiwa.
payment-test = Jaribu muunganisho
payment-testing = Inakagua…
payment-not-tested = Haijajaribiwa: angalia maelezo yaliyowekwa alama hapo juu.

## Mipangilio → Wafanyakazi
people-title = Watu
people-intro = Wafanyakazi huingia kwenye kaunta kwa PIN zao wenyewe, ili kila oda ionyeshe aliyeishughulikia. Malipo, seva, kuhamisha data na kufuta data hubaki kwa mwenye duka.
people-no-staff = Bado hakuna wafanyakazi: kaunta hufunguka moja kwa moja kwa mwenye duka.
people-staff-name = Jina
people-staff-pin = PIN (tarakimu 4–6)
people-staff-add = Ongeza mfanyakazi
people-staff-added = { $name } sasa anaweza kuingia kwa PIN yake.
people-deactivate = Zima
people-staff-deactivated = { $name } hawezi tena kuingia.
people-idle = Funga skrini baada ya muda huu bila kutumika
# Chaguo kwenye orodha: dakika { $count } (1 hadi 120).
people-idle-minutes = Dakika { $count }
people-idle-saved = Skrini sasa hujifunga baada ya dakika { $count } bila kutumika.
people-owner-change-title = Badilisha nenosiri la mwenye duka
people-owner-old = Nenosiri la sasa
people-owner-new = Nenosiri jipya
people-owner-repeat = Rudia nenosiri jipya
people-owner-change = Badilisha nenosiri
people-owner-changed = Nenosiri la mwenye duka limebadilishwa.

## Mipangilio → Kompyuta hii: printa ya risiti
printer-title = Printa ya risiti
printer-loading = Inapakia…
printer-kind = Printa
printer-kind-none = Hakuna printa (risiti kwa WhatsApp tu)
printer-kind-network = Printa ya mtandao (Wi-Fi au waya hadi kwenye ruta)
printer-kind-device = Printa ya USB au serial kwenye kompyuta hii
printer-address = Anwani ya printa
printer-address-hint = Shikilia kitufe cha kutoa karatasi (feed) ukiwasha printa: ukurasa inaouchapisha unaonyesha anwani yake ya IP. Port 9100 isipokuwa uongeze nyingine (192.168.1.50:9101).
printer-path = Port ya printa
printer-path-hint = Windows: port ya COM kwenye Device Manager, au printa inayoshirikiwa kama \\localhost\POS58. Linux: /dev/usb/lp0 (USB) au /dev/ttyUSB0 (serial).
printer-width-label = Karatasi
# { $name } ni upana wa roli (80 mm); { $count } ni herufi ngapi kwa mstari.
printer-width = Roli ya { $name } (herufi { $count })
printer-auto = Chapisha risiti mauzo ya kaunta hii yakilipwa (r huchapisha moja wakati wowote)
printer-drawer = Fungua droo ya pesa kwa mauzo ya taslimu (droo iliyounganishwa na printa)
printer-scale = Lebo za mizani zinabeba
printer-scale-price-whole = Bei kamili (00250 ni 250)
printer-scale-price-cents = Bei yenye senti (00250 ni 2.50)
printer-scale-weight-grams = Uzito kwa gramu (01250 ni kg 1.250)
printer-scale-hint = Kwa lebo zinazochapishwa na mizani ya duka (tarakimu 13 zinazoanza 20 hadi 29): mpe kila bidhaa inayopimwa tarakimu zake 7 za kwanza kama Msimbopau wake kwenye Bidhaa, k.m. 2001234.
printer-test = Chapisha ukurasa wa majaribio
printer-printing = Inachapisha…
printer-save = Hifadhi printa
printer-saved = Mipangilio ya printa imehifadhiwa.

## Mipangilio → Kompyuta hii: siri zilizohifadhiwa
vault-title = Siri zilizohifadhiwa
vault-intro = Funguo za M-Pesa, kuingia kwa kuunganisha na kaunta nyingine na funguo za WhatsApp huhifadhiwa zimefungwa (AES-256-GCM), kamwe si wazi.
vault-loading = Inapakia…
vault-open-keyring = Zimefungwa kwenye kompyuta hii, kwa ufunguo uliowekwa kwenye keyring yake.
vault-open-passphrase = Zimefungwa kwenye kompyuta hii kwa kaulisiri yako, inayoombwa kila programu inapoanza.
vault-needs-passphrase = Zimefungwa: andika kaulisiri kutumia malipo ya M-Pesa, kuunganisha na WhatsApp.
vault-choose-passphrase = Kompyuta hii haina keyring ambayo DukaDesk inaweza kutumia: chagua kaulisiri ya kuzilinda.
vault-lost = Siri zilizohifadhiwa awali zilikuwa na ufunguo wake kwenye keyring ya kompyuta hii, ambayo DukaDesk haiwezi kuitumia tena, kwa hiyo haziwezi kufunguliwa. Baada ya kuchagua kaulisiri, andika tena maelezo ya M-Pesa na ya kuunganisha, na uunganishe WhatsApp tena. Kama keyring haikuwa tayari tu, anzisha DukaDesk upya kwanza.
vault-warning = Iandike na uihifadhi mahali salama. DukaDesk huiomba kila inapoanza. Ikisahaulika hakuna anayeweza kufungua siri zilizohifadhiwa: maelezo ya M-Pesa na ya seva yatalazimika kuandikwa upya.
# { $count } ni idadi ndogo kabisa ya herufi za kaulisiri (10).
vault-new-passphrase = Kaulisiri mpya (angalau herufi { $count })
vault-passphrase = Kaulisiri
vault-confirm = Irudie tena
vault-protect = Linda kwa kaulisiri hii
vault-open = Fungua siri zilizohifadhiwa
vault-passphrase-set = Kaulisiri imewekwa: siri zilizohifadhiwa zinalindwa nayo.
vault-opened = Siri zilizohifadhiwa zimefunguliwa.

## Mipangilio → WhatsApp
whatsapp-loading = Inapakia…
whatsapp-not-linked = Haijaunganishwa
whatsapp-not-linked-detail = Unganisha WhatsApp ya duka ili boti iwajibu wateja huko. Hadi hapo inafanya kazi kwenye gumzo la majaribio.
whatsapp-linking = Inaunganisha
whatsapp-linking-detail = Maliza kuunganisha kwenye dirisha la kuoanisha.
whatsapp-connected = Imeunganishwa
# { $time } ni wakati muunganisho ulipoanza (14:05, au 12 Mar 14:05).
whatsapp-connected-detail = Inajibu wateja tangu { $time }.
whatsapp-reconnecting = Inaunganisha upya
# { $count } ni idadi ya sekunde; { $number } huhesabu majaribio.
whatsapp-reconnecting-in = Muunganisho umekatika. Jaribio lijalo baada ya sekunde { $count } (jaribio la { $number }). Jumbe zinasubiri kwenye WhatsApp kwa sasa.
whatsapp-reconnecting-now = Muunganisho umekatika. Jaribio lijalo sasa hivi (jaribio la { $number }). Jumbe zinasubiri kwenye WhatsApp kwa sasa.
whatsapp-logged-out = Imetolewa
whatsapp-logged-out-detail = WhatsApp imeitoa kompyuta hii (kutoka kwenye simu, au WhatsApp iliiondoa). Funguo zake zimefutwa. Unganisha tena ili uendelee kuwajibu wateja.
whatsapp-replaced = Imechukuliwa
whatsapp-replaced-detail = Kikao kingine cha WhatsApp Web au cha kompyuta kimechukua muunganisho huu, kwa hiyo DukaDesk imesimama. Funga kikao hicho kingine, kisha unganisha tena.
whatsapp-banned = Imezuiwa kwa sasa
# { $reason } ni sababu ya WhatsApp, kama WhatsApp inavyoitoa.
whatsapp-banned-detail = WhatsApp imeizuia namba hii hadi { $time } ({ $reason }). DukaDesk haitumi chochote hadi hapo.
whatsapp-number = Namba
whatsapp-business = Biashara
whatsapp-last-message = Ujumbe wa mwisho
whatsapp-none-yet = bado hakuna
whatsapp-link = Unganisha WhatsApp
whatsapp-link-again = Unganisha tena
whatsapp-unlink = Tenganisha…
whatsapp-pdf-receipts = Tuma pia risiti ya PDF baada ya malipo
whatsapp-safety = Usalama: boti huwajibu tu wateja walioandika kwanza, hujibu kwa utaratibu na haitumi matangazo ya jumla kamwe.

## Mipangilio → Kuunganisha kaunta nyingine
hosted-loading = Inapakia…
hosted-intro = Shiriki oda, bidhaa na wateja na kaunta nyingine za duka. Muombe anayesimamia seva ya duka lako akupe msimbo wa kujiandikisha (dukadesk-server enrol-device) kisha ubandike hapa.
hosted-enrolment = Msimbo wa kujiandikisha
hosted-connect = Unganisha
hosted-connect-busy = Inaunganisha…
# { $name } ni jina la duka kwenye seva.
hosted-connected-to = Imeunganishwa na { $name }.
hosted-online = Mtandaoni
hosted-connecting = Inaunganisha
hosted-offline = Nje ya mtandao
hosted-needs-attention = Inahitaji kushughulikiwa
hosted-up-to-date = Kila kitu kimesawazishwa
hosted-changes-waiting =
    { $count ->
        [one] Badiliko { $count } linasubiri
       *[other] Mabadiliko { $count } yanasubiri
    }
# { $count } ni idadi ya sekunde.
hosted-next-try-in = jaribio lijalo baada ya sekunde { $count }
hosted-next-try-now = jaribio lijalo sasa hivi
hosted-logging-in = Inaingia kwenye seva…
hosted-shop = Duka
hosted-this-till = Kaunta hii
# { $number } ni tarakimu (1).
hosted-till-digit = namba za oda huishia na { $number }
hosted-server = Seva
hosted-state = Hali
hosted-waiting = Yanasubiri kutumwa
hosted-pending =
    { $count ->
        [0] Hakuna
        [one] Badiliko { $count }
       *[other] Mabadiliko { $count }
    }
hosted-last-synced = Ilisawazishwa mwisho
hosted-not-yet = Bado
hosted-bot = Boti ya WhatsApp
# { $name } inaeleza kaunta inayoendesha boti (moja kati ya hizi tatu hapa chini).
hosted-bot-runs-on = Inaendeshwa na: { $name }
hosted-bot-no-till = bado hakuna kaunta
# { $name } ni jina la kaunta (Counter).
hosted-bot-this-till = { $name } (kaunta hii)
# { $time } ni wakati zamu ya kaunta hiyo inapoisha.
hosted-bot-other-till = { $name }, hadi { $time }
hosted-refused = Mabadiliko ambayo seva ilikataa
hosted-bot-here = Endesha boti ya WhatsApp kwenye kaunta hii
hosted-sync-now = Sawazisha sasa
hosted-syncing = Inasawazisha…
hosted-disconnect = Kata muunganisho…

## Mipangilio → Kompyuta hii: masasisho
update-title = Masasisho
update-loading = Inapakia…
update-current = Toleo hili
update-check = Angalia masasisho
update-checking = Inaangalia…
update-not-checked = Bado haijaangaliwa.
update-checking-headline = Inaangalia masasisho…
update-up-to-date = DukaDesk iko kwenye toleo jipya zaidi.
# { $version } ni namba ya toleo (0.2.0).
update-available = DukaDesk { $version } inapatikana.
update-downloading = Inapakua DukaDesk { $version }…
update-ready = DukaDesk { $version } imepakuliwa na sahihi yake imekaguliwa. Anzisha upya ili uanze kuitumia.
# { $time } ni tarehe (12 Mar 2025).
update-published = Ilitolewa { $time }
update-no-notes = Hakuna maelezo ya toleo yaliyotolewa pamoja na toleo hili.
update-download = Pakua { $version }
update-download-again = Jaribu kupakua { $version } tena
update-install = Anzisha upya kusasisha
# MB { $amount } zimefika kati ya { $total }; { $number } ni asilimia.
update-progress = MB { $amount } kati ya { $total } ({ $number }%)
update-progress-so-far = MB { $amount } hadi sasa

## Mipangilio → Kompyuta hii: kuhusu
about-title = Kuhusu DukaDesk
about-loading = Inapakia…
about-version = Toleo
about-database = Hifadhidata

## The check of the shop's data file after start-up
store-damaged = DukaDesk imepata uharibifu katika faili ya data ya duka hili (diski inayoharibika au kukatika kwa umeme kunaweza kusababisha). Mauzo mapya bado yanahifadhiwa, lakini baadhi ya rekodi za zamani huenda zisisomeke. Hamisha data yako sasa na uhifadhi nakala mahali salama, kisha rejesha nakala ya akiba au uombe msaada kwa mwakilishi wako wa DukaDesk.
store-damaged-export = Hamisha data yako
store-damaged-details = Kilichopatikana

# Order detail, its steps and taking money at the till
order-loading = Inapakia oda…
order-select-hint = Chagua oda kwa ↑ ↓, au bonyeza n kwa oda mpya.
order-change-to-give = Chenji ya kurudisha: { $change }
order-change-from = kutoka { $tendered } kwa { $total }
order-channel-till = Kaunta
order-channel-test-chat = Chat ya majaribio
order-cancel-this = Ghairi oda hii?
order-cancel-confirm = Ghairi oda { $number }?
order-yes-cancel = Ndiyo, ghairi
order-keep-it = Iache
order-waiting-for-payment = Inasubiri malipo: yarekodi hapa chini pesa ikishaingia.
order-print-receipt = Chapisha risiti
order-print-bill = Chapisha bili
order-save-pdf = Hifadhi PDF
order-cancel = Ghairi oda
order-walk-in = Mteja wa dukani
order-customer = Mteja
order-fulfilment = Upokeaji
order-delivery-to = Kuletewa { $zone }
order-subtotal = Jumla ndogo
order-delivery-fee = Usafirishaji
order-total = Jumla
order-method-cash = Pesa taslimu
order-method-mpesa-code = M-Pesa (namba ya muamala)
order-method-mpesa-prompt = Ombi la M-Pesa
order-method-intasend = Ombi la M-Pesa (IntaSend)
order-method-test = Malipo ya majaribio
order-method-credit = Kwa mkopo
order-payment-pending = Inasubiri
order-payment-succeeded = Imelipwa
order-payment-failed = Imeshindwa
order-payment-unknown = Haijulikani: angalia M-Pesa
order-payments = Malipo
order-payment-refused = Seva ya duka imekataa malipo ya oda hii: { $reason } Hakikisha pesa kabla bidhaa hazijaondoka.
order-refunds = Marejesho ya pesa
order-refund-open = Rudisha pesa…
order-refund-left = Hadi { $left } zinaweza kurudishwa (pesa iliyoleta oda hii, ukiondoa zilizokwisha rudishwa).
order-refund-amount = Kiasi kinachorudishwa
order-refund-method = Zinarudishwa vipi
order-refund-cash = Pesa taslimu kutoka droo
order-refund-receipt = Msimbo wa M-Pesa wa pesa zilizotumwa (kama unao)
order-refund-reason = Kwa nini
order-refund-reason-hint = kwa mfano: mkate 1 umerudishwa
order-refund-reason-erased = imeondolewa pamoja na taarifa za mteja
order-refund-give = Rudisha { $amount }
order-refund-give-it = Rudisha
order-refund-keep = Usirudishe
order-refund-owner = Mmiliki pekee ndiye hurudisha pesa: nenosiri la mmiliki linaulizwa lisipotolewa ndani ya dakika 10 zilizopita.
order-refund-over = Zimerudishwa { $amount } zaidi ya pesa iliyoleta oda hii: kompyuta mbili zilirudisha pesa ileile zikiwa nje ya mtandao. Mwombe mteja azirudishe, au ziandike kama hasara.
order-history = Historia
order-by = na { $actor }
order-step-request-payment = Omba malipo
order-step-payment-received = Malipo yamepokelewa
order-step-payment-failed = Malipo yameshindwa
order-step-retry-payment = Jaribu malipo tena
order-step-mark-paid = Weka imelipwa
order-step-start-preparing = Anza kuandaa
order-step-ready = Iko tayari kuchukuliwa
order-step-dispatch = Tuma kwa usafirishaji
order-step-collected = Weka imechukuliwa
order-step-delivered = Weka imefikishwa
order-step-paid-on-collection = Imelipwa ilipochukuliwa
order-step-paid-on-delivery = Imelipwa ilipofikishwa
order-step-cancel = Ghairi oda
till-cancelling = Inaghairi oda { $number }…
till-moving = Oda { $number }: { $step }…
till-now = { $number } sasa: { $status }.
pay-exact-amount = Kiasi kamili: { $amount }
pay-change = Chenji: { $change }
pay-cash-given = Pesa iliyotolewa
pay-cash-received = Pesa imepokelewa
pay-mpesa-code = Namba ya muamala ya M-Pesa
pay-mpesa-paid = Imelipwa kwa M-Pesa
pay-on-credit = Kwa mkopo: { $who } atalipa baadaye

# The new-order form at the till
orderform-title = Oda mpya
orderform-close = Funga
orderform-create = Tengeneza oda
orderform-enter-adds = Enter inaongeza { $qty }
orderform-enter-adds-one = Enter inaongeza 1 · 3*sukari inaongeza 3
orderform-add-items = Ongeza bidhaa
orderform-search-placeholder = Andika jina la bidhaa…
orderform-no-match = Hakuna bidhaa inayolingana.
orderform-stock-left = Zimebaki { $count }
orderform-no-items = Bado hakuna bidhaa.
orderform-one-pack = Pakiti 1
orderform-one-less = Punguza { $name } moja
orderform-quantity-of = Idadi ya { $name }
orderform-one-more = Ongeza { $name } moja
orderform-phone = Simu (si lazima kwa mteja wa dukani)
orderform-phone-recipient = Simu itakayopokea airtime au bando
orderform-name = Jina (si lazima)
orderform-pickup-or-delivery = Kuchukua au kuletewa
orderform-pickup = Kuchukua dukani
orderform-address = Anwani au alama ya mahali
orderform-payment = Malipo
orderform-pay-unpaid = Bado haijalipwa
orderform-pay-cash = Pesa taslimu
orderform-pay-mpesa = M-Pesa (namba ya muamala)
orderform-pay-credit = Kwa mkopo (mteja anayejulikana hulipa baadaye)
orderform-pay-on-delivery = Pesa wakati wa kupokea (hulipwa mzigo ukikabidhiwa)
orderform-buyer-pin = PIN ya KRA ya mnunuzi (si lazima, kwa ankara yake ya kodi)
orderform-note = Maelezo (si lazima)
orderform-cash-given = Pesa iliyotolewa (tupu: kiasi kamili)
orderform-barcode-pick = Chagua bidhaa yenye msimbo huu.
orderform-barcode-unknown = Msimbo { $code } haujulikani: hakuna bidhaa iliyo nao.
orderform-barcode-none = Ongeza bidhaa yenye msimbo huu kwenye Bidhaa (sehemu ya Msimbo), kisha skani tena.
orderform-barcode-item = Bidhaa yenye msimbo huu
orderform-barcode-choose = Ipe bidhaa…
orderform-barcode-assign = Ipe msimbo na uongeze
orderform-barcode-or-new = Au ongeza bidhaa mpya yenye msimbo huu kwenye Bidhaa.

# Reports
cashup-title = Kufunga hesabu ya droo
cashup-open = Hesabu droo
cashup-none = Bado hakuna hesabu ya droo. Mwisho wa siku au zamu, hesabu droo hapa.
cashup-older =
    { $count ->
        [one] Hesabu za zamani ({ $count })
       *[other] Hesabu za zamani ({ $count })
    }
cashup-till = Kaunta
cashup-since = Tangu
cashup-payments = Malipo
cashup-cash-sales = Mauzo ya taslimu
cashup-cash-refunds = Pesa taslimu zilizorudishwa
cashup-float = Pesa ya kuanzia (iliyokuwa kwenye droo mwanzoni)
cashup-expected = Inayotarajiwa kwenye droo:
cashup-counted = Pesa iliyohesabiwa
cashup-note = Maelezo (kwa nini imezidi au imepungua)
cashup-record = Rekodi hesabu
cashup-adding-up = Inajumlisha mapato ya kaunta hii…
cashup-result = : imehesabiwa { $counted } kati ya { $expected } inayotarajiwa, na { $by }.
cashup-recorded = Hesabu imerekodiwa: { $balance }.
cashup-print-z = Chapisha ripoti ya Z
cashup-print-this = Chapisha ripoti hii ya Z
cashup-print = Chapisha
cashup-when = Lini
cashup-expected-col = Inayotarajiwa
cashup-counted-col = Iliyohesabiwa
cashup-balance = Salio
cashup-by = Na
cashup-balanced = Imelingana
cashup-over = Imezidi kwa { $amount }
cashup-short = Imepungua kwa { $amount }
summary-title = Siku katika ujumbe mmoja
summary-adding-up = Inajumlisha siku…
summary-not-sent = Haitumwi: andika namba yako ya WhatsApp uipate kila siku saa za kufunga.
summary-sent-to = Inatumwa kwa +{ $number } kila siku saa za kufunga, kutoka WhatsApp ya kaunta hii.
summary-to-be-sent = Itatumwa kwa +{ $number } saa za kufunga WhatsApp ikishaunganishwa kwenye kaunta hii.
summary-stopped = Muhtasari wa siku hautumwi tena.
summary-will-be-sent = Muhtasari wa siku utatumwa saa za kufunga.
summary-number = Namba yako ya WhatsApp
summary-language = Kwa lugha
summary-save = Hifadhi
report-title = Ripoti
report-period = Kipindi
report-period-today = Leo
report-period-yesterday = Jana
report-period-this-week = Wiki hii
report-period-this-month = Mwezi huu
report-period-dates = Tarehe…
report-from = Kuanzia
report-to = hadi
report-show = Onyesha
report-pick-first-day = Chagua siku ya kwanza.
report-pick-last-day = Chagua siku ya mwisho.
report-adding-up = Inajumlisha mauzo…
report-rule = Mauzo ni oda zilizolipwa na hazijaghairiwa (imelipwa, inaandaliwa, njiani, imefika; oda inayolipwa inapokabidhiwa, ikishakabidhiwa), zinahesabiwa siku zilipotengenezwa, kwa saa za duka. Oda ambazo hazijalipwa zinaonyeshwa kama zinasubiri malipo; oda zilizoghairiwa na za chat ya majaribio si mauzo.
report-vs-yesterday = ukilinganisha na jana
report-vs-day-before = ukilinganisha na siku iliyotangulia
report-vs-last-week = ukilinganisha na siku hizo wiki iliyopita
report-vs-last-month = ukilinganisha na siku hizo mwezi uliopita
report-vs-days-before = ukilinganisha na siku { $count } zilizotangulia
report-no-change = hakuna mabadiliko { $comparison }
report-up-from-none = imepanda kutoka sifuri { $comparison }
report-orders-count =
    { $count ->
        [one] oda { $count }
       *[other] oda { $count }
    }
report-compared-with = {" "}· ukilinganisha na { $range }
report-gross = Mauzo yote
report-orders = Oda
report-average = Wastani wa oda
report-awaiting = Zinasubiri malipo
report-not-paid-yet =
    { $count ->
        [one] oda { $count } bado haijalipwa
       *[other] oda { $count } bado hazijalipwa
    }
report-cancelled = Zilizoghairiwa
report-refunded = Pesa zilizorudishwa
report-net-sales = Mauzo ukiondoa marejesho: { $amount }
report-give-back = {" "}· { $count } baada ya malipo: { $amount } za kurudisha
report-by-hour = Mauzo kwa saa
report-no-sales = Bado hakuna mauzo katika kipindi hiki.
report-hours-label = Mauzo ya kila saa ya siku
report-by-payment = Kwa njia ya malipo
report-by-channel = Kwa njia ya oda
report-channel-till = Kaunta (dukani na kwa simu)
report-test-orders =
    { $count ->
        [one] oda { $count } kutoka chat ya majaribio, haihesabiwi.
       *[other] oda { $count } kutoka chat ya majaribio, hazihesabiwi.
    }
report-top-units = Bidhaa zinazouzwa zaidi kwa idadi
report-top-sales = Bidhaa zinazouzwa zaidi kwa pesa
report-nothing-sold = Bado hakuna kilichouzwa.
report-sold = { $count } zimeuzwa
report-pay-mpesa-prompt = Ombi la M-Pesa (STK)
report-pay-mpesa-manual = M-Pesa till / paybill (namba imeandikwa)
report-pay-cash = Pesa taslimu
report-pay-credit = Kwa mkopo (italipwa)
report-pay-not-recorded = Malipo hayajarekodiwa hapa
report-by-reseller = Kwa wakala
report-reseller-commission = komisheni { $amount }

## The pairing window (link WhatsApp)
pairing-title = Unganisha WhatsApp
pairing-step-open = Fungua WhatsApp kwenye simu ya duka.
pairing-qr-step-go = Nenda WhatsApp > Vifaa vilivyounganishwa > Unganisha kifaa (Mipangilio kwenye iPhone, menyu ya ⋮ kwenye Android).
pairing-qr-step-point = Elekeza simu kwenye msimbo huu.
pairing-code-step-go = Nenda WhatsApp > Vifaa vilivyounganishwa > Unganisha kifaa, kisha gusa "Unganisha kwa namba ya simu badala yake".
pairing-code-step-type = Andika msimbo huu kwenye simu.
pairing-phone-label = Au unganisha kwa namba ya simu ya duka
pairing-phone-start = Pata msimbo wa kuandika kwenye simu
pairing-qr-start = Onyesha msimbo wa QR
pairing-loading = Inapakia…
pairing-intro = DukaDesk inakuwa kifaa kilichounganishwa na WhatsApp ya duka, kama WhatsApp Web. Hakuna kinachotumwa kwa WhatsApp hadi uchague hapa chini.
pairing-starting = Inaunganisha na WhatsApp kupata msimbo…
pairing-qr-label = Msimbo wa QR wa kuunganisha WhatsApp
pairing-qr-countdown = Msimbo huu utabadilika baada ya { $time }
pairing-exhausted = Misimbo imekwisha kabla mmoja haujachanganuliwa.
pairing-new-code = Pata msimbo mpya
pairing-code-label = Msimbo wa kuunganisha
pairing-code-countdown = Msimbo huu utaisha baada ya { $time }
pairing-linked-to = WhatsApp imeunganishwa na
pairing-linked-hint = Sasa bot inajibu wateja wanaoandikia namba hii. Unaweza kufunga dirisha hili.

## The Export window
export-title = Hamisha data
export-intro = Faili la ZIP lenye jedwali (CSV) na faili la JSON kwa kila aina ya kumbukumbu, muhtasari wa kusoma kwanza, na checksum za kila faili.
export-what = Nini cha kuhamisha
export-shop = Duka lote
export-shop-hint = Oda pamoja na bidhaa na historia zake, malipo na misimbo ya M-Pesa, orodha ya bidhaa, wateja, maeneo ya kupeleka, taarifa za biashara, mazungumzo na kumbukumbu ya ukaguzi.
export-customer = Mteja mmoja
export-customer-hint = Kila kitu kilichohifadhiwa kuhusu mtu mmoja, kwa mteja anayeomba data yake: taarifa zake, oda, malipo na mazungumzo.
export-phone = Namba ya simu ya mteja
export-choosing = Chagua mahali pa kuhifadhi faili…
export-writing = Inaandika { $name }… { $percent }%
export-stop = Simamisha
export-close = Funga
export-start = Chagua mahali pa kuhifadhi…
export-saved = Data imehamishwa. Iweke mahali salama: ina taarifa binafsi za wateja.
export-file = Faili
export-size = Ukubwa
export-rows = Safu
export-rows-all = { $total } kwa jumla
export-rows-each = Safu za kila aina
export-again = Hamisha kitu kingine
export-done = Imekamilika
export-entity-business = Taarifa za biashara
export-entity-delivery-zones = Maeneo ya kupeleka
export-entity-categories = Aina za bidhaa
export-entity-catalogue = Orodha ya bidhaa
export-entity-stock-movements = Mabadiliko ya stoki
export-entity-cash-ups = Hesabu za pesa taslimu
export-entity-resellers = Mawakala
export-entity-reseller-credits = Oda zilizohesabiwa kwa mawakala
export-entity-reseller-payouts = Malipo kwa mawakala
export-entity-credit-payments = Madeni yaliyolipwa
export-entity-customers = Wateja
export-entity-orders = Oda
export-entity-order-items = Bidhaa za oda
export-entity-order-history = Historia ya oda
export-entity-payments = Malipo
export-entity-digital-sends = Muda wa maongezi na bando
export-entity-conversations = Mazungumzo
export-entity-messages = Jumbe
export-entity-erasure-requests = Maombi ya kufuta
export-entity-audit-log = Kumbukumbu ya ukaguzi

## The Disconnect window
disconnect-title = Tenganisha
disconnect-intro = Kata viungo vya kompyuta hii na huduma za nje. Oda, wateja na orodha ya bidhaa za duka kwenye kompyuta hii zinabaki; kila hatua inaandikwa kwenye kumbukumbu ya ukaguzi.
disconnect-loading = Inapakia…
disconnect-cancel = Ghairi
disconnect-working = Inafanya kazi…
disconnect-close = Funga
disconnect-wa-title = WhatsApp
disconnect-wa-not-linked = Haijaunganishwa: kompyuta hii haina funguo za WhatsApp.
disconnect-wa-linked = Imeunganishwa na { $number }.
disconnect-wa-linked-business = Imeunganishwa na { $number } ({ $name }).
disconnect-wa-linking = Kuunganisha kumeanza kwenye kompyuta hii.
disconnect-wa-effect-logout = DukaDesk inaitoa kompyuta hii kwenye WhatsApp, kwa hiyo simu ya duka haitaiorodhesha tena kwenye Vifaa vilivyounganishwa.
disconnect-wa-effect-keys = Funguo za WhatsApp zilizo kwenye kompyuta hii zinafutwa mara moja.
disconnect-wa-effect-bot = Bot inaacha kujibu wateja kwenye WhatsApp. Mazungumzo na oda zilizopo hapa zinabaki.
disconnect-wa-effect-again = Unaweza kuunganisha tena baadaye kupitia Mipangilio → WhatsApp, kwa msimbo mpya.
disconnect-wa-offline = WhatsApp haikuweza kuarifiwa kwa sababu kompyuta hii haina mtandao. Kwenye simu ya duka, fungua WhatsApp → Vifaa vilivyounganishwa na uiondoe kompyuta hii hapo.
disconnect-wa-done = WhatsApp imetenganishwa na funguo zake zimefutwa kwenye kompyuta hii.
disconnect-wa-action = Tenganisha WhatsApp…
disconnect-wa-question = Tenganisha WhatsApp kwenye kompyuta hii sasa?
disconnect-wa-confirm = Tenganisha na ufute funguo
disconnect-hosted-title = Usawazishaji na kaunta nyingine
disconnect-hosted-connected = Imeunganishwa na "{ $name }" kama kaunta "{ $device }".
disconnect-hosted-alone = Haijaunganishwa: kaunta hii inafanya kazi peke yake.
disconnect-hosted-effect-stop = Kaunta hii inaacha kusawazisha na "{ $name }" kwenye { $url }.
disconnect-hosted-effect-key = Ufunguo wake wa seva unafutwa kwenye kompyuta hii mara moja. Kuunganisha tena kunahitaji kiungo kipya cha usajili.
disconnect-hosted-effect-data = Oda, wateja na orodha ya bidhaa zinabaki kwenye kompyuta hii, na kwenye seva kwa kaunta nyingine za duka.
disconnect-hosted-effect-pending = { $count ->
    [one] Badiliko 1 lililofanywa hapa bado halijafika kwenye seva. Linabaki kwenye kaunta hii, na litapanda tu kaunta ikiunganishwa tena na duka hilo hilo.
   *[other] Mabadiliko { $count } yaliyofanywa hapa bado hayajafika kwenye seva. Yanabaki kwenye kaunta hii, na yatapanda tu kaunta ikiunganishwa tena na duka hilo hilo.
}
disconnect-hosted-effect-bot = Bot ya WhatsApp inaendeshwa kwenye kaunta hii: kaunta nyingine itakayojitolea kuiendesha itachukua nafasi.
disconnect-hosted-offline = Seva haikupatikana, kwa hiyo kaunta hii itaacha kushikilia bot ya WhatsApp yenyewe ndani ya dakika mbili.
disconnect-hosted-unsent = { $count ->
    [one] Badiliko 1 lililofanywa hapa halikufika kwenye seva. Limehifadhiwa kwenye kaunta hii.
   *[other] Mabadiliko { $count } yaliyofanywa hapa hayakufika kwenye seva. Yamehifadhiwa kwenye kaunta hii.
}
disconnect-hosted-revoke = Seva bado inaiorodhesha kaunta hii. Kama kompyuta hii inaondoka dukani, muombe anayeendesha seva yako aifute.
disconnect-hosted-done = Kaunta hii imeondoka "{ $name }". Ufunguo wake wa seva umefutwa.
disconnect-hosted-action = Acha kusawazisha na kaunta nyingine…
disconnect-hosted-question = Acha kusawazisha kaunta hii na ufute ufunguo wake wa seva sasa?
disconnect-hosted-confirm = Ondoka na usahau ufunguo
disconnect-meta-title = Kurasa za Facebook na Instagram
disconnect-meta-now = Haijaunganishwa. Toleo hili la DukaDesk haliunganishi na kurasa za Facebook au Instagram, kwa hiyo halina tokeni zao.

# Makatazo ya kanuni (namba ya simu, kiasi, hatua ya oda): crates/domain/src/words.rs.
error-fields = Baadhi ya sehemu zinahitaji kurekebishwa.
error-phone-empty = Weka namba ya simu, kwa mfano 0712 345 678.
error-phone-characters = Namba ya simu ina tarakimu tu (na + mwanzoni, ukipenda).
error-phone-not-recognised = Hiyo si namba ya simu ya mkononi ya Kenya wala ya Morocco. Jaribu 0712 345 678 au +254 712 345 678.
error-phone-length = Namba hiyo ina tarakimu { $digits }; namba ya simu ya mkononi ina tarakimu 10 (0712 345 678), au 12 pamoja na msimbo wa nchi (254 712 345 678).
error-amount-empty = Weka kiasi, kwa mfano 250 au 99.50.
error-amount-not-a-number = "{ $typed }" si kiasi. Tumia tarakimu, kwa mfano 250 au 99.50.
error-amount-decimals = Tumia desimali mbili tu, kwa mfano 99.50.
error-amount-negative = Kiasi hakiwezi kuwa hasi.
error-amount-too-large = Kiasi hicho ni kikubwa mno.
error-amount-currencies = Kiasi cha { $first } na cha { $second } hakiwezi kuchanganywa.
error-tender-short = { $tendered } ni pungufu ya jumla { $total }: bado { $short }.
error-order-already-paid = Oda hii imeshalipwa.
error-order-final = Oda hii iko "{ $status }" tayari; haiwezi kubadilika tena.
error-order-illegal = Oda iliyo "{ $status }" haiwezi kubadilishwa kwa "{ $step }".
error-status-draft = { till-status-draft }
error-status-awaiting-payment = { till-status-awaiting-payment }
error-status-payment-failed = { till-status-payment-failed }
error-status-paid = { till-status-paid }
error-status-preparing = { till-status-preparing }
error-status-out-for-delivery = { till-status-out-for-delivery }
error-status-delivered = { till-status-delivered }
error-status-cancelled = { till-status-cancelled }
error-step-request-payment = { order-step-request-payment }
error-step-payment-received = { order-step-payment-received }
error-step-payment-failed = { order-step-payment-failed }
error-step-retry-payment = { order-step-retry-payment }
error-step-mark-paid = { order-step-mark-paid }
error-step-start-preparing = { order-step-start-preparing }
error-step-dispatch = { order-step-dispatch }
error-step-deliver = { order-step-delivered }
error-step-cancel = { order-step-cancel }
error-step-paid-on-delivery = { order-step-paid-on-delivery }
error-mpesa-code = Msimbo wa M-Pesa una herufi na tarakimu 10, kama QFT4ABC12X (kwenye SMS ya mteja).
error-shop-code-short = Tumia angalau herufi 3, kwa mfano mama-mboga.
error-shop-code-long = Tumia herufi 30 au chache.
error-shop-code-characters = Tumia herufi a-z, tarakimu na vistari tu.
error-shop-code-dash = Msimbo hauwezi kuanza wala kuishia na kistari.
error-printer-address-empty = Andika anwani ya printa, kwa mfano 192.168.1.50 (iko kwenye karatasi ambayo printa huchapisha ukibonyeza kitufe cha kusogeza karatasi huku ukiiwasha).
error-printer-port = "{ $port }" si namba ya port; printa za risiti hutumia 9100.
error-printer-address = Andika anwani peke yake, kwa mfano 192.168.1.50 au 192.168.1.50:9100.
error-pay-to-number = Namba ya till au paybill ina tarakimu 5 hadi 8, kwa mfano 123456.
error-pay-to-kind = Chagua till (Buy Goods) au paybill.
error-cart-not-for-sale = { $name } haiuzwi tena.
error-cart-out-of-stock = { $name }: zimebaki { $available } tu.
error-label-no-weight = Lebo haionyeshi uzito; pima bidhaa tena.
error-label-no-price = Lebo haionyeshi bei; pima bidhaa tena.
error-cart-quantity = Chagua kati ya 1 na { $max }.
error-cart-currency = Bei ya { $name } iko kwa sarafu nyingine.

# Makatazo ya fomu (crates/domain/src/words.rs, `Problem`).
problem-too-long = Tumia herufi { $max } au chache.
problem-no-items = Ongeza angalau bidhaa moja.
problem-quantity = Idadi ni kati ya 1 na { $max }.
problem-scale-label = { $code } si lebo ya mizani ambayo kaunta hii inaweza kusoma; iskani tena.
problem-delivery-address = Weka mahali pa kufikisha (mtaa, jengo au alama inayojulikana).
problem-delivery-phone = Oda ya kufikishwa inahitaji simu ya mteja kwa ajili ya mpeleka mzigo.
problem-credit-phone = Mauzo ya mkopo yanahitaji simu ya mteja: ndiye anayedaiwa.
problem-on-delivery-phone = Oda ya kulipwa wakati wa kufikishwa inahitaji simu ya mteja, ili kumpigia wakati wa kukabidhi.
problem-shop-name = Weka jina la duka kama wateja wanavyolijua.
problem-zone-name = Weka jina la eneo, kwa mfano Westlands.
problem-all-days = Weka saa za siku zote saba.
problem-closes-before-opening = Siku ya { $day } duka lazima lifunge baada ya kufungua.
problem-hours-format = Tumia saa za mfumo wa 24 kwa { $day }, kwa mfano 08:00 na 20:00.
problem-alias-too-long = "{ $name }" ni refu: kila jina lingine liwe na herufi 40 au chache.
problem-too-many-aliases = Tumia majina mengine { $max } au machache, yakitenganishwa kwa koma.
problem-stock-number = Weka idadi ya stoki kama namba kamili, kwa mfano 12.
problem-low-stock-number = Weka kiwango cha tahadhari kama namba kamili, kwa mfano 12.
problem-megabytes-number = Weka ukubwa wa bando kwa MB kama namba kamili, kwa mfano 12.
problem-validity-number = Weka muda wa matumizi kwa siku kama namba kamili, kwa mfano 12.
problem-item-name = Weka jina la bidhaa, kwa mfano Sukuma wiki fungu 1.
problem-price-zero = Bei lazima iwe zaidi ya sifuri.
problem-bundle-size = Bando lazima liwe na zaidi ya MB 0.
problem-bundle-days = Bando lazima litumike kwa angalau siku 1.
problem-airtime-price = Airtime hutumwa kwa shilingi kamili kuanzia KES 10 hadi KES 10,000: weka bei sawa na thamani yake.
problem-bundle-validity = Bando huuzwa kwa muda wa siku 1, 7, 14, 30 au 90.
problem-barcode = Skani msimbo pau, au andika tarakimu zilizo chini yake (angalau 6).
problem-item-class = Uainishaji wa bidhaa wa KRA ni tarakimu kumi ambazo KRA huorodhesha kwa aina hii ya bidhaa, kama 5059690800; acha wazi kutumia ule wa duka.
problem-low-stock-needs-stock = Andika stoki pia: bidhaa zinazohesabiwa tu ndizo zinaweza kupungua.
problem-category-name = Weka jina la kundi, kwa mfano Mboga.
problem-counted-cash = Hesabu pesa taslimu zilizo kwenye droo na uandike jumla (0 kama iko tupu).
problem-cash-up-note = Maelezo yawe chini ya herufi 500.
problem-printer-port = Andika port ya printa, kwa mfano /dev/usb/lp0, COM3 au \\localhost\POS58.
problem-report-order = Siku ya mwisho lazima iwe siku ya kwanza au baada yake.
problem-report-days = Chagua siku { $max } au chache.
problem-commission-on = Chagua kamisheni inapatikana kwa nini: kila kitu, kundi moja au bidhaa moja.
problem-reseller-name = Andika jina la wakala (herufi 80 au chache).
problem-reseller-code = Tumia herufi na tarakimu 3 hadi 12, kwa mfano AMINA10.
problem-percentage = Andika asilimia zaidi ya 0 na isiyozidi 50, kwa mfano 5 au 2.5.
problem-per-unit = Andika kiasi kinachopatikana kwa kila kipande kinachouzwa, kwa mfano 10.
problem-pay-whom = Chagua unayemlipa.
problem-payout-amount = Andika kiasi kilicholipwa, kwa mfano 500.
problem-payout-method = Chagua pesa taslimu au M-Pesa.
problem-password-short = Tumia angalau herufi { $min }: sentensi fupi ni rahisi kukumbuka na ngumu kubahatisha.
problem-passwords-differ = Nenosiri hizo mbili hazifanani. Andika nenosiri lilelile mara mbili.
problem-pin = PIN ni tarakimu 4 hadi 6 (0-9), si kingine.
problem-staff-name = Andika jina ambalo mtu huyu huitwa kwenye kaunta.
problem-staff-name-long = Jina liwe chini ya herufi 40; jina la kwanza linatosha.
problem-passphrase-short = Tumia angalau herufi { $min }: maneno machache utakayoyakumbuka yanafaa.
problem-passphrases-differ = Kaulisiri hizo mbili hazifanani. Andika ileile mara mbili.
problem-repaid-amount = Andika kiasi kilicholipwa.
problem-wrong-pin = PIN hiyo si sahihi. { $count ->
        [one] Limebaki jaribio { $count }
       *[other] Yamebaki majaribio { $count }
    } kabla ya kusubiri kidogo.
problem-wrong-password = Nenosiri hilo si sahihi. { $count ->
        [one] Limebaki jaribio { $count }
       *[other] Yamebaki majaribio { $count }
    } kabla ya kusubiri kidogo.
problem-owner-uses-password = Mmiliki huingia kwa nenosiri la mmiliki, si kwa PIN.
problem-pin-taken = Mtu mwingine tayari anatumia PIN hii. Chagua nyingine.
problem-pin-needed = Andika PIN ya tarakimu 4 hadi 6.
problem-owner-stays = Mmiliki hawezi kuzimwa.
problem-no-owner-password = Bado hakuna nenosiri la mmiliki. Liweke kwanza (programu italiomba).
problem-cannot-sign-in = { $name } hawezi kuingia tena. Muulize mmiliki.
problem-idle-minutes = Chagua kati ya dakika 1 na 120.
problem-item-removed = Bidhaa moja ya oda hii imeondolewa kwenye katalogi.
problem-item-archived = { $name } imehifadhiwa kando na haiuzwi tena.
problem-none-left = { $name } imeisha: stoki inaonyesha { $level }, kwa sababu kaunta ziliuza zaidi ya iliyohesabiwa. Ihesabu tena kwenye katalogi.
problem-only-left = { $name }: zimebaki { $left } tu kwenye stoki (umeomba { $qty }).
problem-not-a-scale-label = { $code } si lebo ya mizani; iskani tena.
problem-label-not-for = Lebo { $code } si ya { $name }: msimbo pau wake kwenye Katalogi lazima uwe { $barcode }.
problem-zone-gone = Eneo hilo la kufikisha halitolewi tena; chagua jingine.
problem-airtime-phone = Andika namba ya simu ambayo airtime au bando itatumwa.
problem-code-used = Msimbo wa M-Pesa { $code } tayari umerekodiwa kwenye oda #{ $number }. Hakiki msimbo kwenye SMS ya mteja.
problem-choose-payment = Chagua pesa taslimu, M-Pesa au mkopo.
problem-paid-at-hand-over = Oda { $number } hulipwa inapokabidhiwa: itume kwanza (au iweke tayari kuchukuliwa), kisha rekodi pesa.
problem-statement-code = Andika msimbo wa M-Pesa kama unavyoonekana kwenye taarifa yako (herufi na tarakimu 10).
problem-code-or-reason = Andika msimbo wa M-Pesa kutoka kwenye taarifa au SMS ya mteja, au eleza kwa nini haupo.
problem-reason-long = Eleza sababu kwa herufi 200 au chache.
problem-code-recorded = Msimbo wa M-Pesa { $code } tayari umerekodiwa kwenye oda #{ $number }.
problem-owes-nothing = Hawadaiwi chochote: hakuna cha kuwakumbusha.
problem-cannot-remind = Ukumbusho hauwezi kutumwa: mteja huyu hajawahi kuandikia duka kwenye WhatsApp, au aliomba asitumiwe ujumbe (STOP). Mkumbushe ana kwa ana au kwa simu.
problem-unknown-environment = Chagua sandbox au production, au weka anwani ya https://.
problem-daraja-key = Bandika consumer key ya programu yako ya Daraja.
problem-daraja-secret = Bandika consumer secret ya programu yako ya Daraja.
problem-daraja-shortcode = Shortcode ina tarakimu 5 hadi 7, kwa mfano 174379.
problem-daraja-passkey = Bandika passkey ya Lipa na M-Pesa uliyopewa na Safaricom.
problem-daraja-till = Namba ya till ina tarakimu 5 hadi 8; iache wazi kwa paybill.
problem-intasend-public-key = Bandika publishable key kutoka dashibodi yako ya IntaSend.
problem-intasend-secret-key = Bandika secret key kutoka dashibodi yako ya IntaSend.
problem-at-username = Andika jina la mtumiaji la programu yako ya Africa's Talking ("sandbox" kwenye sandbox).
problem-at-api-key = Bandika API key kutoka dashibodi yako ya Africa's Talking (Settings → API Key).
problem-at-bundle-product = Jina la bidhaa lisizidi herufi 100.
problem-kra-key = Bandika consumer key ya programu yako kwenye tovuti ya wasanidi ya KRA (GavaConnect).
problem-kra-secret = Bandika consumer secret inayoendana na key hiyo.
problem-kra-serial = Andika namba ya serial ya kifaa cha till hii kama ulivyoisajili na KRA kwa OSCU.
problem-kra-pin = PIN ya KRA ni herufi, tarakimu tisa na herufi, kama P051234567X: inakili kutoka cheti chako cha PIN.
problem-kra-branch = Kitambulisho cha tawi ni tarakimu mbili: 00 kwa ofisi kuu, au namba ambayo KRA ilitoa kwa tawi.
problem-shop-item-class = Msimbo wa uainishaji ni tarakimu kumi ambazo KRA huorodhesha kwa kile duka linachouza (eTIMS → item classification), kama 5059690800.
problem-item-class-unlisted = KRA haiorodheshi { $code } kama uainishaji wa bidhaa: andika bidhaa ni nini na uchague msimbo kutoka kwenye orodha.
problem-item-class-withdrawn = KRA haitumii tena { $code } ({ $name }) kwa bidhaa mpya: andika bidhaa ni nini na uchague msimbo kutoka kwenye orodha.
problem-type-a-message = Andika ujumbe kwanza.
problem-message-too-long = Ujumbe usizidi herufi 4,000.
problem-never-wrote = Mteja huyu bado hajaandikia duka kwenye WhatsApp. DukaDesk hujibu tu wateja walioandika kwanza; mwandikie kutoka kwenye simu ikiwa ni lazima.
problem-currency-fixed = Sarafu haiwezi kubadilika mara bidhaa zikishakuwa na bei.
problem-whatsapp-number = Andika namba pamoja na msimbo wa nchi, kwa mfano 254712345678.
problem-category-taken = Tayari kuna aina inayoitwa { $name }.
problem-category-gone = Aina hiyo haipo tena; chagua nyingine.
problem-barcode-taken = Barcode hiyo tayari iko kwenye { $name }. Scan msimbo wa bidhaa hii yenyewe.
problem-stock-delta = Weka vipande vingapi vya kuongeza (kwa mfano 12) au kuondoa (kwa mfano -2).
problem-not-counted = { $name } haihesabiwi. Andika stoku yake kwenye katalogi ili kuanza kuihesabu.
problem-reseller-code-taken = { $name } tayari ana msimbo { $code }. Chagua mwingine.
problem-applies-to-gone = Aina au bidhaa hiyo haipo tena kwenye katalogi. Chagua tena.
problem-payout-over = Kinacholipika sasa ni { $most } tu (kamisheni iliyopita kipindi cha kusubiri cha siku { $days }, ukiondoa kilicholipwa).
problem-payout-code-recorded = Msimbo wa M-Pesa { $code } tayari umerekodiwa kwa malipo ya muuzaji.
problem-daraja-first = Weka vitambulisho vya Daraja kwanza.
problem-intasend-first = Weka funguo za IntaSend kwanza.
problem-order-years = Hifadhi oda kati ya miaka { $min } na { $max } (kumbukumbu za kodi lazima zihifadhiwe angalau miaka { $min }).
problem-phone-taken = Mteja mwingine ana namba hii.
problem-kra-first = Sajili till hii na KRA kwanza.
problem-invoice-carries-pin = Ankara tayari ina { $pin }.
problem-wrong-passphrase = Nenosiri hilo halifungui siri za duka hili. Likague kisha ujaribu tena.
problem-photo-empty = Faili hilo ni tupu. Chagua picha iliyohifadhiwa kama JPEG, PNG au WebP.
problem-photo-too-large = Faili hilo ni kubwa kuliko MB 20. Chagua picha ndogo zaidi, au uihifadhi tena kwa ukubwa mdogo.
problem-photo-not-a-picture = Faili hilo si picha ya JPEG, PNG au WebP. Picha ya iPhone (HEIC), ishiriki kama JPEG kwanza.
problem-photo-unreadable = Picha hiyo haikuweza kusomwa: huenda imeharibika au ni kubwa mno. Ifungue na uihifadhi tena kama JPEG, kisha ujaribu tena.
problem-over-limit = Imezidi kikomo cha mkopo cha { $name }: anadaiwa { $balance } kati ya { $limit }, na mauzo haya ni { $amount }. Chukua sehemu yake kwa pesa taslimu au M-Pesa, au ongeza kikomo kwenye ukurasa wa Wateja.
problem-send-cancelled = Oda yake imeghairiwa, kwa hiyo haitumwi tena. Mrudishie mteja pesa.
problem-send-erased = Namba ya mteja imefutwa, kwa hiyo haiwezi kutumwa tena. Mrudishie mteja pesa.
problem-may-still-deliver = Africa's Talking bado inaweza kuifikisha. Subiri jibu lake kabla ya kutuma kwa mkono.
problem-refund-note = Eleza jinsi pesa zilivyorudishwa (msimbo wa M-Pesa, au pesa taslimu), kwa herufi 200 au chache.
problem-nothing-to-refund = Hakuna cha kurudisha: oda hii haikuleta pesa taslimu wala M-Pesa, au zote zimesharudishwa.
problem-refund-over = Kwa oda hii zinaweza kurudishwa { $left } tu (pesa iliyoleta, ukiondoa zilizokwisha rudishwa).
problem-refund-amount = Andika kiasi kinachorudishwa, kisichozidi { $left }.
problem-refund-reason = Eleza kwa nini pesa zinarudishwa, kwa mfano "mkate 1 umerudishwa" (herufi 200 au chache).
problem-reseller-erased = Wakala huyu alifutwa kwa ombi lake na hawezi kubadilishwa. Mwongeze upya akirudi.

## The screen's own code failed (a banner over everything)
crashed-words = Skrini hii imeacha kufanya kazi. Ipakie upya uendelee: kila kilichohifadhiwa kipo.
crashed-reload = Pakia skrini upya
crashed-details = Kilichoharibika (kwa msaada)

## The sync indicator at the foot of the nav
sync-synced = Imesawazishwa
sync-synced-title = Iko sawa na { $shop }.
sync-waiting = { $count } zinasubiri
sync-waiting-title =
    { $count ->
        [one] Badiliko moja linasubiri kwenda { $shop }.
       *[other] Mabadiliko { $count } yanasubiri kwenda { $shop }.
    }
sync-connecting = Inaunganisha
sync-connecting-title = Inaingia kwenye seva ya { $shop }.
sync-offline = Nje ya mtandao
sync-attention = Usawazishaji unahitaji uangalizi
