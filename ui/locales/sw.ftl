# Skrini za DukaDesk kwa Kiswahili. Jina lililo kushoto libaki lilivyo;
# tafsiri maneno ya kulia. { $name } ni thamani ambayo programu huweka.

## Menyu ya kushoto
nav-till = Kaunta
nav-catalogue = Bidhaa
nav-settings = Mipangilio
nav-inbox = Jumbe
nav-test-chat = Jaribu gumzo
nav-customers = Wateja
nav-reports = Ripoti
nav-lock = Funga
nav-lock-title = Funga kaunta; wafanyakazi waingie tena kwa PIN zao

## Kaunta
till-search = Tafuta namba ya oda au simu  ( / )
till-search-label = Tafuta oda
till-new-order = Oda mpya
till-undo = Rudisha

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
