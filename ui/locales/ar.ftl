# شاشات DukaDesk بالعربية. يبقى الاسم على اليسار كما هو؛
# ترجموا الكلمات على اليمين. { $name } قيمة يضعها التطبيق.
# { $count } عدد: يمكن للرسالة أن تختار كلماتها بحسبه، مثل
# { $count -> [zero] … [one] … [two] … [few] … [many] … *[other] … }.

## القائمة الجانبية
nav-till = الصندوق
nav-catalogue = المنتجات
nav-settings = الإعدادات
nav-inbox = الرسائل
nav-test-chat = محادثة تجريبية
nav-customers = الزبائن
nav-reports = التقارير
nav-resellers = الوكلاء
nav-lock = قفل
nav-lock-title = اقفل الصندوق؛ يدخل الموظفون من جديد برمزهم السري

## الصندوق
till-search = ابحث برقم الطلب أو الهاتف  ( / )
till-search-label = البحث في الطلبات
till-new-order = طلب جديد
till-undo = تراجع
till-orders = الطلبات
till-loading-orders = جارٍ تحميل الطلبات…
till-no-match = لا توجد طلبات مطابقة. اضغط 0 لعرض كل الطلبات، أو Esc في خانة البحث لمسحها.
till-empty-no-items = لا توجد طلبات بعد. أضف ما تبيعه أولًا (المنتجات، Alt+2)، ثم اضغط n لإدخال طلب.
till-empty = لا توجد طلبات بعد. اضغط n لإدخال طلب.
# عدد المنتجات في الطلب، في سطره.
till-order-items =
    { $count ->
        [zero] { $count } منتج
        [one] منتج واحد
        [two] منتجان
        [few] { $count } منتجات
        [many] { $count } منتجًا
       *[other] { $count } منتج
    }
till-pickup = استلام
till-delivery = توصيل
till-filter-label = التصفية حسب الحالة
till-filter-all = الكل
till-filter-out-or-ready = قيد التوصيل أو جاهز
till-status-draft = مسودة
till-status-awaiting-payment = بانتظار الدفع
till-status-payment-failed = فشل الدفع
till-status-paid = مدفوع
till-status-preparing = قيد التحضير
till-status-out-for-delivery = قيد التوصيل
till-status-ready-for-pickup = جاهز للاستلام
till-status-delivered = تم التوصيل
till-status-collected = تم الاستلام
till-status-new-on-delivery = جديد: الدفع عند الاستلام
order-cash-on-delivery = الدفع عند الاستلام
order-collect-on-delivery = الدفع عند التسليم: سجّلوا مبلغ { $total } أدناه عند التسليم، وبه يكتمل الطلب.
till-status-cancelled = ملغى
till-hints = اختصارات لوحة المفاتيح
till-hint-new-order = طلب جديد
till-hint-search = بحث
till-hint-select = تحديد
till-hint-advance = الخطوة التالية
till-hint-cancel = إلغاء
till-hint-payment = الدفع
till-hint-receipt = الإيصال
till-hint-filter = تصفية
till-hint-screens = الشاشات
till-hint-check-mpesa = مراجعة M-Pesa
till-hint-settle-digital = الرصيد والباقات

## الإعدادات
settings-title = الإعدادات
settings-sections = أقسام الإعدادات
settings-group-shop = متجرك
settings-group-connections = الاتصالات
settings-group-people = الأشخاص والخصوصية
settings-group-computer = هذا الحاسوب
settings-section-shop = بيانات المتجر
settings-section-hours = ساعات العمل
settings-section-delivery = مناطق التوصيل
settings-section-mpesa = M-Pesa
settings-section-digital = الرصيد والباقات
settings-section-tax = الضرائب (eTIMS)
settings-section-whatsapp = واتساب
settings-section-sync = المزامنة مع الصناديق الأخرى
settings-section-staff = الموظفون
settings-section-privacy = الخصوصية
settings-section-computer = الطابعة والأسرار والتحديثات

## الإعدادات ← هذا الحاسوب
appearance-title = المظهر
theme-dark-on = الوضع الداكن: مفعّل
theme-dark-off = الوضع الداكن: غير مفعّل
language-title = اللغة
language-hint = لغة شاشات هذا الصندوق. يتلقى الزبائن على واتساب الردود بلغتهم دائمًا.
language-saved = أصبحت الشاشات الآن بـ{ $language }.

## شاشة القفل
lock-who = من في الصندوق؟
lock-choose-name = اختر اسمك لتسجيل الدخول.
lock-type-pin = { $name }، اكتب رمزك السري
lock-delete-digit = احذف آخر رقم
lock-enter = دخول
lock-owner = المالك
lock-owner-type = أيها المالك، اكتب كلمة المرور
lock-owner-password = كلمة مرور المالك
lock-sign-in = تسجيل الدخول
lock-foot = تُقفل الشاشة تلقائيًا بعد بضع دقائق دون استخدام.

## المنتجات
catalogue-show-archived = إظهار المؤرشفة
catalogue-new-item = منتج جديد
catalogue-empty-press = لا توجد منتجات بعد. اضغط
catalogue-empty-to-add = لإضافة أول منتج.
catalogue-archived = مؤرشف
catalogue-low = قليل
catalogue-col-name = الاسم
catalogue-col-category = الفئة
catalogue-col-price = السعر
catalogue-col-stock = المخزون

## محرر المنتج
item-title-new = منتج جديد
item-title-edit = تعديل المنتج
item-name = الاسم
item-description = الوصف (اختياري)
item-aliases = أسماء أخرى (مثل: ماطيشة)
# { $currency } رمز عملة المتجر (MAD).
item-price = السعر ({ $currency })
item-kind = النوع
item-kind-physical = سلع مادية
item-kind-airtime = رصيد الهاتف
item-kind-bundle = باقة إنترنت
item-stock = المخزون (فارغ = بلا عدّ)
item-low-stock = التنبيه عند هذا العدد أو أقل (فارغ = بلا تنبيه)
item-barcode = الرمز الشريطي (امسحه هنا، أو اكتب الأرقام)
item-airtime-hint = يُرسل الرصيد إلى هاتف الزبون بقيمة تساوي السعر.
item-megabytes = الحجم (MB)
item-validity = مدة الصلاحية (أيام)
item-category = الفئة
item-no-category = بلا فئة
item-tax-band = الفئة الضريبية
item-tax-band-default = الافتراضي للمتجر
item-tax-class = صنف KRA
item-tax-class-hint = تصنيف المتجر: اكتب ما هو
item-photo = الصورة (اختيارية)
item-photo-alt = صورة المنتج
item-no-photo = لا توجد صورة
item-remove-photo = إزالة الصورة
item-photo-hint = JPEG أو PNG أو WebP. الزبائن الذين يطلبونها من الروبوت يتلقونها على WhatsApp.
item-photo-too-large = هذا الملف أكبر من 20 ميغابايت. اختر صورة أصغر، أو احفظها من جديد بحجم أصغر.
item-photo-unreadable = تعذّرت قراءة هذا الملف. اختر الصورة من جديد.
item-save = حفظ
item-archive = أرشفة
item-restore = استعادة
item-close = إغلاق

## المحادثة التجريبية
test-chat-title = محادثة تجريبية
test-chat-intro = العب دور زبون يتحدث مع الروبوت الخاص بك، فيجيبك تمامًا كما سيجيب على WhatsApp، مع محاكاة M-Pesa فلا تُنقل أي أموال حقيقية.
test-chat-intro-on-delivery = العبوا دور زبون يتحدث مع الروبوت الخاص بكم، تمامًا كما سيجيب على WhatsApp. محلكم يقبض نقدًا عند التسليم: الطلبات التي تضعونها هنا تنتظر في الصندوق، وتسجلون النقود هناك عند تسليمها.
test-chat-on-delivery = الدفع نقدًا عند الاستلام: لا يُطلب M-Pesa. سجّلوا النقود في الصندوق عند تسليم الطلب.
test-chat-phone-label = محادثة تجريبية مع الروبوت الخاص بك
test-chat-subtitle = الروبوت الخاص بك · محادثة تجريبية
test-chat-empty = ألقِ التحية كما يفعل الزبون، أو اضغط على ردّ سريع في الأسفل.
test-chat-input-label = رسالة بصفتك الزبون
test-chat-input-placeholder = رسالة
test-chat-send = إرسال
test-chat-quick-replies = ردود سريعة
test-chat-settings = إعدادات التجربة
test-chat-phone = هاتف الزبون التجريبي
test-chat-phone-hint = لا يُرسل أي شيء إلى هذا الرقم: يراه الروبوت فقط على أنه رقم الزبون.
test-chat-payment = عندما يطلب الروبوت الدفع عبر M-Pesa، فإن الزبون…
test-chat-payment-pays = يدفع
test-chat-payment-cancels = يلغي طلب الدفع
test-chat-payment-never = لا يجيب أبدًا
test-chat-airtime = الرصيد المحاكى
test-chat-airtime-delivered = يصل
test-chat-airtime-fails = يفشل
test-chat-airtime-hint = يفشل: جرّب ما يُقال للزبون حين يتعذر إرسال رصيده أو باقته.
test-chat-start-over = البدء من جديد
test-chat-reset-done = تبدأ المحادثة التجريبية من جديد.
# تظهر بعد المفاتيح Enter وr وEsc: «Enter للإرسال، r للعودة إلى خانة الرسالة، Esc للخروج منها.»
test-chat-keys-sends = للإرسال،
test-chat-keys-back = للعودة إلى خانة الرسالة،
test-chat-keys-leave = للخروج منها.

## الرسائل
inbox-title = الرسائل
inbox-chats = المحادثات
inbox-loading = جارٍ تحميل المحادثات…
inbox-empty = لا توجد محادثات بعد. جرّب الروبوت الخاص بك في «محادثة تجريبية» (Alt+5).
inbox-channel-test-chat = محادثة تجريبية
inbox-unread = غير مقروءة: { $count }
inbox-attention = تحتاج إلى متابعة
inbox-attention-title = طلب الزبون التحدث إلى شخص، أو هناك دفعة تحتاج إلى معالجة
inbox-staff = الموظفون
inbox-staff-title = الموظفون يجيبون؛ الروبوت متوقف مؤقتًا
inbox-pick = اختر محادثة بالمفتاحين ↑ ↓ (أو j k)، أو انقر على إحداها.
inbox-loading-chat = جارٍ تحميل المحادثة…
inbox-no-messages = لا توجد رسائل بعد.
# { $time } وقت من اليوم (14:30).
inbox-took-over = المحادثة بيد { $name } · الروبوت متوقف حتى { $time }
inbox-bot-paused = الروبوت متوقف حتى { $time }
inbox-bot-answering = الروبوت يجيب
inbox-bot-answering-handed-back = الروبوت يجيب · أُعيدت إليه من قِبل { $name }
inbox-take-over = تولّي المحادثة
inbox-hand-back = إعادة إلى الروبوت
inbox-bot-paused-toast = المحادثة الآن بيدك؛ الروبوت متوقف مؤقتًا.
inbox-bot-back-toast = يجيب الروبوت على هذه المحادثة من جديد.
inbox-reply-label = الرد
inbox-reply-placeholder = اكتب ردًا…  ( r )
inbox-send = إرسال
inbox-reply-hint = Enter للإرسال، Shift+Enter لبدء سطر جديد.
inbox-reply-hint-pauses = Enter للإرسال، Shift+Enter لبدء سطر جديد. الرد يوقف الروبوت مؤقتًا لمدة ساعة.
inbox-hints = اختصارات لوحة المفاتيح
inbox-hint-chats = المحادثات
inbox-hint-reply = الرد
inbox-hint-send = إرسال
inbox-hint-new-line = سطر جديد
inbox-hint-leave-reply = مغادرة الرد
inbox-hint-screens = الشاشات

## قائمة البدء في الصندوق
start-title = أطلق متجرك
start-title-ready = متجرك جاهز
# { $count } عدد الخطوات المنجزة من أصل { $total }.
start-count = أُنجز { $count } من { $total }
start-folded = خطوات البدء: أُنجز { $count } من { $total }.
start-unfold = إظهار قائمة البدء
start-hide = إخفاء
start-open = فتح
start-items-title = أضف ما تبيعه
start-items-hint = الاسم والسعر والمخزون: بضعة منتجات تكفي للبدء.
start-test-chat-title = اطلب من المحادثة التجريبية
start-test-chat-hint = العب دور زبون مع الروبوت الخاص بك وادفع عبر M-Pesa وهمي.
start-mpesa-title = اربط M-Pesa
start-mpesa-hint = رقم Till أو Paybill الخاص بك، أو IntaSend أو Daraja لطلبات الدفع على الهاتف.
start-whatsapp-title = اربط حساب WhatsApp الخاص بك
start-whatsapp-hint = اربط هذا الحاسوب بحساب WhatsApp الخاص بالمتجر، مثل WhatsApp Web.
start-share-title = شارك رابط متجرك
start-share-hint = انسخ الرابط أو اطبع ملصقًا يحمل رمز QR الخاص به.
start-link-whatsapp-first = اربط WhatsApp أولًا: يفتح الرابط محادثة مع رقم WhatsApp الخاص بالمتجر.
start-link-label = رابط متجرك
start-copy-link = نسخ الرابط
start-link-copied = تم نسخ رابط المتجر: الصقه في حالتك على WhatsApp وفي المجموعات وصفحتك على Facebook.
start-link-press-ctrl-c = اضغط Ctrl+C لنسخ الرابط المحدد.
start-poster-a4 = ملصق (A4)
start-poster-a5 = ملصق (A5)
# { $path } هو مكان حفظ الملف.
start-poster-saved = تم حفظ الملصق: { $path }. اطبعه وعلّقه حيث يراه الزبائن.
start-nothing-saved = لم يُحفظ شيء: لم يُختر أي مكان.

## الرصيد والباقات بانتظار التسوية، في الصندوق
# عدد عمليات إرسال الرصيد أو الباقات التي تحتاج إلى الموظفين، في الشريط البرتقالي.
digital-strip =
    { $count ->
        [one] عملية رصيد أو باقة واحدة تحتاج إليك
        [two] عمليتا رصيد أو باقة تحتاجان إليك
       *[other] عمليات رصيد أو باقات تحتاج إليك: { $count }
    }
digital-open = عالجها الآن
digital-panel-title = الرصيد والباقات بانتظار التسوية
digital-close = إغلاق
digital-panel-hint = الإرسال الفاشل حقٌّ للزبون: أعد إرساله (بعد شحن رصيدك في Africa's Talking)، أو أرسله يدويًا من خط المتجر، أو أعد إليه ماله. أما الإرسال الذي ما زال منتظرًا فيوضح ما ينتظره.
digital-empty = تمت تسوية كل الرصيد والباقات.
digital-recipient-erased = الرقم محذوف
digital-simulated = محادثة تجريبية
digital-state-unpaid = لم يُدفع بعد
digital-state-queued = بانتظار الإرسال
digital-state-sending = جارٍ الإرسال
digital-state-sent = أُرسل، جارٍ التحقق من وصوله
digital-state-delivered = وصل
digital-state-failed = فشل: يجب رد المال
digital-state-refunded = أُعيد المال
digital-state-cancelled = ملغى
digital-waiting = قد يوصله Africa's Talking بعد: لا شيء لتفعله الآن.
digital-send-again = أعد الإرسال
digital-sent-by-hand = أُرسل يدويًا
digital-refunded = أُعيد المال
digital-refund-note = كيف أُعيد المال
digital-refund-note-placeholder = الاسترداد: رمز M-Pesa، أو نقدًا
digital-note-required = اذكر كيف أُعيد المال: رمز M-Pesa للاسترداد، أو نقدًا.
# { $number } رقم الطلب (1042)؛ يظهر بعد القرار.
digital-done-again = #{ $number }: تجري إعادة الإرسال.
digital-done-by-hand = #{ $number }: سُجّل أنه أُرسل يدويًا.
digital-done-refunded = #{ $number }: سُجّل أن المال أُعيد.

## الإعدادات ← الرصيد والباقات
digital-title = الرصيد والباقات (Africa's Talking)
digital-intro = يُرسَل رصيد المكالمات وباقات الإنترنت التي يشتريها الزبائن في المحادثات إلى هواتفهم عبر حسابك في Africa's Talking. تستخدم المحادثة التجريبية دائمًا مزوّدًا محاكى.
digital-loading = جارٍ التحميل…
digital-environment = البيئة
digital-env-sandbox = Sandbox (للتجربة، لا يصل شيء إلى أي هاتف)
digital-env-production = Production (رصيد حقيقي)
# { $url } عنوان محفوظ ليس من عناوين Africa's Talking.
digital-env-custom = مخصص: { $url }
digital-username = اسم المستخدم
digital-username-hint = اسم المستخدم لتطبيقك في Africa's Talking؛ وفي بيئة sandbox هو sandbox.
digital-api-key = مفتاح API
digital-api-key-placeholder = من لوحة التحكم: Settings → API Key
digital-api-key-keep = محفوظ — اتركه فارغًا للإبقاء عليه
digital-api-key-saved = يوجد مفتاح محفوظ. اترك هذا الحقل فارغًا للإبقاء عليه، أو الصق مفتاحًا جديدًا.
digital-bundle-product = منتج باقات الإنترنت (اختياري)
digital-bundle-product-hint = اسم المنتج في لوحة تحكم Africa's Talking. اتركه فارغًا إن كنت تبيع الرصيد فقط.
digital-save = حفظ إعدادات الرصيد
digital-saved = حُفظت إعدادات الرصيد.
digital-test = اختبار الاتصال
digital-testing = جارٍ التحقق…
digital-not-tested = لم يُختبر: راجع الحقول المشار إليها أعلاه.

## الإعدادات ← الضرائب (KRA eTIMS)
tax-title = الفواتير الضريبية (KRA eTIMS)
tax-intro = يوقّع eTIMS كل عملية بيع لدى هيئة الإيرادات الكينية (KRA) ليتمكن المشترون من استرداد ضريبة القيمة المضافة. ويمكن للمتاجر غير المسجلة في ضريبة القيمة المضافة استخدام eTIMS Lite ‏(eCitizen أو *222#) بدلًا من ذلك.
tax-loading = جارٍ التحميل…
tax-status-set-up = مُعدّ كجهاز { $device } باسم { $name } (PIN { $pin }، الفرع { $branch }).
tax-status-not-set-up = غير مُعدّ: لا تصدر فواتير للمبيعات.
tax-status-unsigned =
    { $count ->
        [0] كل الفواتير موقّعة.
        [one] فاتورة واحدة لم تُوقّع بعد.
        [two] فاتورتان لم تُوقّعا بعد.
        [few] { $count } فواتير لم تُوقّع بعد.
        [many] { $count } فاتورةً لم تُوقّع بعد.
       *[other] { $count } فاتورة لم تُوقّع بعد.
    }
tax-no-band =
    { $count ->
        [zero] لا توجد أصناف بلا فئة ضريبية.
        [one] صنف واحد بلا فئة ضريبية: مبيعاته تنتظر. أعطه فئة في الكتالوج، أو اختر فئة افتراضية أدناه.
        [two] صنفان بلا فئة ضريبية: مبيعاتهما تنتظر. أعطهما فئة في الكتالوج، أو اختر فئة افتراضية أدناه.
        [few] { $count } أصناف بلا فئة ضريبية: مبيعاتها تنتظر. أعطها فئة في الكتالوج، أو اختر فئة افتراضية أدناه.
        [many] { $count } صنفًا بلا فئة ضريبية: مبيعاتها تنتظر. أعطها فئة في الكتالوج، أو اختر فئة افتراضية أدناه.
       *[other] { $count } صنف بلا فئة ضريبية: مبيعاتها تنتظر. أعطها فئة في الكتالوج، أو اختر فئة افتراضية أدناه.
    }
tax-status-off = إصدار الفواتير متوقف: لا تصدر فواتير للمبيعات الجديدة.
tax-environment = البيئة
tax-env-sandbox = Sandbox (للتجربة، لا يصل شيء إلى سجلات KRA الحقيقية)
tax-env-production = Production (فواتير ضريبية حقيقية)
tax-env-custom = مخصص: { $url }
tax-consumer-key = Consumer key
tax-consumer-secret = Consumer secret
tax-secret-keep = محفوظ — اتركه فارغًا للإبقاء عليه
tax-keys-hint = من تطبيقك على بوابة المطورين لدى KRA ‏(developer.go.ke).
tax-pin = رقم PIN لدى KRA
tax-branch = رقم الفرع
tax-serial = الرقم التسلسلي للجهاز
tax-serial-hint = الرقم التسلسلي لهذا الصندوق كما سُجّل لدى KRA في eTIMS ‏(OSCU).
tax-item-class = رمز تصنيف الأصناف
tax-item-class-hint = الأرقام العشرة التي تحددها KRA لما يبيعه المتجر (تصنيفات الأصناف في eTIMS). يُسجَّل كل صنف لدى KRA تحته قبل فاتورته الأولى.
tax-default-band = الفئة الضريبية الافتراضية
tax-default-band-hint = للمنتجات التي ليست لها فئة ضريبية خاصة بها (المنتجات ← المنتج ← الفئة الضريبية).
tax-band-none = لا شيء — يحتاج كل منتج إلى فئته الخاصة
tax-enabled = إصدار فاتورة لكل عملية بيع
tax-set-up = الإعداد مع KRA
tax-setting-up = جارٍ سؤال KRA…
tax-set-up-done = تم الإعداد مع KRA كجهاز { $device }.
tax-save-options = حفظ
tax-options-saved = حُفظت خيارات الضريبة.
tax-unsigned-title = فواتير لم تُوقّع بعد
tax-all-signed = كل الفواتير موقّعة.
tax-credit-note = إشعار دائن { $number } (عن الفاتورة { $original })
tax-col-number = الرقم
tax-col-order = الطلب
tax-col-amount = المبلغ
tax-col-age = منذ
tax-col-state = الحالة
tax-col-reason = السبب
tax-state-queued = بانتظار الإرسال
tax-state-sending = يُعاد إرسالها
tax-state-signed = موقّعة
tax-send-now = أرسل الآن
tax-sending = جارٍ الإرسال…
tax-sent =
    { $count ->
        [0] أُرسلت: كل الفواتير موقّعة.
        [one] أُرسلت: ما زالت فاتورة واحدة تنتظر.
        [two] أُرسلت: ما زالت فاتورتان تنتظران.
        [few] أُرسلت: ما زالت { $count } فواتير تنتظر.
        [many] أُرسلت: ما زالت { $count } فاتورةً تنتظر.
       *[other] أُرسلت: ما زالت { $count } فاتورة تنتظر.
    }

## الصندوق ← تفاصيل الطلب: فاتورته الضريبية من KRA eTIMS
order-tax-label = فاتورة KRA الضريبية
order-tax-pin = رقم KRA الضريبي للمشتري، لفاتورة يمكنه خصمها
order-tax-pin-now = تحمل الفاتورة { $pin }.
order-tax-reissue = إصدار لهذا الرقم
order-tax-reissue-hint = تتلقى KRA إشعاراً دائناً للفاتورة الموقعة وفاتورة جديدة بالرقم
order-tax-invoice = الفاتورة الضريبية { $number }
order-tax-credit-note = إشعار دائن { $number } عن الفاتورة { $original }
order-tax-signed = وقّعتها KRA
order-tax-receipt = إيصال KRA رقم { $receipt }
order-tax-waiting = بانتظار KRA
order-tax-settings-note = الإعدادات ← الضرائب تعرض كل فاتورة لم تُوقّع بعد.

## الوكلاء (من يجلبون الزبائن ويكسبون عمولة)
resellers-title = الوكلاء
resellers-add = إضافة وكيل
resellers-sheet = حفظ كجدول بيانات
resellers-sheet-title = أرقام كل وكيل في ملف CSV لبرنامج Excel أو لمحاسبك
resellers-sheet-saved = تم الحفظ: { $path }
resellers-sheet-nothing = لم يُحفظ شيء.
resellers-explain = المحادثة التي تحمل رمز وكيل (عبر رابطه، أو مكتوبًا) تُحتسب طلباتها له لمدة 30 يومًا. تبقى العمولة معلّقة 7 أيام بعد الطلب، ثم تصبح مستحقة الدفع؛ والطلب الملغى يستردّها. يمكن للوكيل أن يسأل الروبوت «مبيعاتي» من رقم WhatsApp الخاص به.
resellers-loading = جارٍ تحميل الوكلاء…
resellers-empty = لا يوجد وكلاء بعد. أضف من يجلبون لك الزبائن: يحصل كل منهم على رمز ورابط خاص به إلى المتجر.
resellers-retry = أعد المحاولة
resellers-col-name = الاسم
resellers-col-phone = الهاتف
resellers-col-code = الرمز
resellers-col-rule = العمولة
resellers-col-orders = الطلبات
resellers-col-sales = المبيعات
resellers-col-pending = معلّقة
resellers-col-payable = مستحقة
resellers-col-paid = مدفوعة
resellers-paused = موقوف
resellers-paused-title = موقوف: رمزه لا يحتسب له طلبات جديدة
# { $amount } مبلغ من المال (KES 10).
resellers-rule-per-unit = { $amount } عن كل وحدة
resellers-pick = اختر وكيلًا لترى رابط متجره وتدفع له.
reseller-form-new = وكيل جديد
reseller-form-edit = تعديل الوكيل
reseller-name = الاسم
reseller-phone = رقم WhatsApp
reseller-phone-hint = من هذا الرقم يمكنه أن يسأل الروبوت عن مبيعاته وعمولته.
reseller-code = الرمز
reseller-code-placeholder = اتركه فارغًا ليُنشأ رمز من الاسم
reseller-rule = العمولة
reseller-rule-percent = نسبة مئوية من قيمة البضاعة
reseller-rule-per-unit = مبلغ عن كل وحدة مبيعة
reseller-rate-percent = النسبة (%)
# { $currency } رمز عملة المتجر (KES).
reseller-rate-per-unit = المبلغ عن كل وحدة ({ $currency })
reseller-active = نشط: رمزه يحتسب له الطلبات الجديدة
reseller-first-order-only = فقط أول طلب لكل زبون عن طريقه يمنحه عمولة
resellers-rule-on = { $rule } على { $goods }
resellers-rule-on-gone = { $rule } على منتجات لم تعد تُباع
reseller-applies-to = تُحتسب العمولة على
reseller-applies-everything = كل ما يشتريه زبائنه
reseller-applies-category = الفئة: { $name }
reseller-save = حفظ الوكيل
reseller-cancel = إلغاء
reseller-saved = حُفظ الوكيل { $name }.
reseller-edit = تعديل
reseller-erase = حذف البيانات الشخصية…
reseller-erase-question = حذف اسم { $name } ورقمه ورمزه نهائياً، على كل صندوق؟ تبقى مبيعاته وعمولته ومدفوعاته في حسابات المتجر.
reseller-erase-confirm = احذف
reseller-erase-keep = أبقِ
reseller-erased = حُذف { $name }.
reseller-erased-badge = محذوف
reseller-link-label = رابط متجره
reseller-copy-link = نسخ الرابط
reseller-link-copied = نُسخ الرابط: أرسله إلى { $name } ليشاركه مع زبائنه.
reseller-qr-label = رمز QR لرابط متجر { $name }
reseller-link-hint = الزبون الذي يفتح الرابط أو يمسح الرمز يبدأ مع المتجر محادثة تحمل رمز هذا الوكيل.
reseller-no-link = اربط WhatsApp لتحصل على رابط متجر لكل وكيل. وإلى ذلك الحين، يمكن لزبائنه إرسال هذه الرسالة (أو الرمز وحده) إلى WhatsApp المتجر:
reseller-greeting-label = الرسالة التي يرسلها زبائنه
reseller-copy-greeting = نسخ الرسالة
reseller-greeting-copied = نُسخت الرسالة.
reseller-link-whatsapp = ربط WhatsApp
reseller-press-ctrl-c = اضغط Ctrl+C لنسخ النص المحدد.
payout-title = الدفع إلى { $name }
payout-payable = المستحق الآن: { $amount }
payout-pending = معلّق: { $amount } (يُستحق بعد 7 أيام من كل طلب)
payout-nothing = لا شيء مستحق بعد.
payout-negative = دُفع له أكثر مما كسب (أُلغي طلب لاحقًا): تغطي العمولات الجديدة الفرق أولًا.
payout-amount = المبلغ
payout-method = طريقة الدفع
payout-method-cash = نقدًا
payout-method-mpesa = M-Pesa
payout-receipt = رمز M-Pesa
payout-save = تسجيل الدفعة
payout-done = { $amount } إلى { $name }: سُجّلت الدفعة.

## الزبائن
customers-title = الزبائن
customers-no-name = بلا اسم
customers-no-offers = بلا عروض
customers-no-offers-title = طلب عدم تلقي العروض (STOP)
customers-search-placeholder = الاسم أو أرقام الهاتف
customers-search-label = ابحث عن زبون
customers-empty = لا يوجد زبائن بعد. يظهرون هنا مع أول طلب أو محادثة لهم.
customers-no-match = لا يوجد زبون مطابق. جرّب أحرفًا أقل أو آخر أرقام الهاتف.
customers-col-name = الاسم
customers-col-phone = الهاتف
customers-col-orders = الطلبات
customers-col-last-order = آخر طلب
customers-privacy-title = الخصوصية
customers-privacy-hint = اختر زبونًا لتصحيح بياناته أو حذفها. يزيل الحذف اسمه ورقمه ومحادثاته من كل الصناديق؛ وتبقى طلباته في السجلات الضريبية دون بياناته.
# حول الأمر DELETE ME (يبقى بالإنجليزية: هكذا يقرؤه الروبوت):
# «يمكن للزبائن أيضًا أن يكتبوا DELETE ME للروبوت.»
customers-delete-me-before = يمكن للزبائن أيضًا أن يكتبوا
customers-delete-me-after = للروبوت.
customer-saved = حُفظت بيانات الزبون.
# بعد حذف بيانات زبون؛ { $count } عدد طلباته التي تبقى.
customer-erased =
    { $count ->
        [zero] تم الحذف. لا توجد طلبات محفوظة.
        [one] تم الحذف. بقي طلب واحد دون بياناته.
        [two] تم الحذف. بقي طلبان دون بياناته.
        [few] تم الحذف. بقيت { $count } طلبات دون بياناته.
        [many] تم الحذف. بقي { $count } طلبًا دون بياناته.
       *[other] تم الحذف. بقي { $count } طلب دون بياناته.
    }
customer-erased-chats =
    { $count ->
        [one] حُذفت محادثة واحدة.
        [two] حُذفت محادثتان.
        [few] حُذفت { $count } محادثات.
        [many] حُذفت { $count } محادثةً.
       *[other] حُذفت { $count } محادثة.
    }
customer-this-customer = هذا الزبون
customer-orders =
    { $count ->
        [zero] لا طلبات
        [one] طلب واحد
        [two] طلبان
        [few] { $count } طلبات
        [many] { $count } طلبًا
       *[other] { $count } طلب
    }
# { $time } وقت آخر طلب له (14:05، أو 12 Mar 14:05).
customer-last-order = آخر طلب { $time }
customer-opted-out = طلب عدم تلقي العروض
customer-name = الاسم
customer-phone = الهاتف
customer-save = حفظ
customer-erase = حذف البيانات الشخصية…
customer-close = إغلاق
# { $name } اسم الزبون أو رقمه؛ { $count } عدد طلباته.
customer-erase-question =
    { $count ->
        [0] هل تحذف اسم { $name } ورقمه ومحادثاته من كل الصناديق؟ ليست لديه أي طلبات. لا يمكن التراجع عن هذا.
        [one] هل تحذف اسم { $name } ورقمه ومحادثاته من كل الصناديق؟ يبقى طلبه في السجلات الضريبية دون بياناته. لا يمكن التراجع عن هذا.
        [two] هل تحذف اسم { $name } ورقمه ومحادثاته من كل الصناديق؟ يبقى طلباه في السجلات الضريبية دون بياناته. لا يمكن التراجع عن هذا.
       *[other] هل تحذف اسم { $name } ورقمه ومحادثاته من كل الصناديق؟ تبقى طلباته ({ $count }) في السجلات الضريبية دون بياناته. لا يمكن التراجع عن هذا.
    }
customer-erase-confirm = احذف
customer-erase-keep = لا تحذف

## الزبائن ← الديون
credit-title = الدَّين
# { $amount } مبلغ من المال (MAD 150).
credit-owes = عليه { $amount }
credit-overpaid = دفع { $amount } أكثر مما عليه
credit-owes-nothing = ليس عليه شيء
# بعد الرصيد: منذ متى أقدم بيع غير مدفوع.
credit-since = منذ { $time }
credit-limit = سقف الدَّين (فارغ: بلا سقف؛ للمالك فقط)
credit-limit-save = تحديد السقف
credit-limit-set = حُدّد سقف الدَّين بـ{ $amount }.
credit-limit-none = لا يوجد سقف للدَّين الآن.
credit-amount = المبلغ المسدَّد
credit-method = الطريقة
credit-method-cash = نقدًا
credit-method-mpesa = M-Pesa (الرمز)
credit-receipt = رمز M-Pesa
credit-repay-save = تسجيل الدفعة
credit-repaid = سُجّلت الدفعة: ما زال عليه { $amount }.
credit-remind = إرسال تذكير
credit-remind-title = رسالة قصيرة بلغته، في محادثته على WhatsApp
credit-reminder-sent = أُرسل التذكير على WhatsApp.
# في السجل: { $number } رقم الطلب (1042).
credit-sale = الطلب #{ $number } بالدَّين
# { $code } رمز M-Pesa؛ { $name } من سجّل المبلغ.
credit-repaid-mpesa = سُدّد عبر M-Pesa { $code } ({ $name })
credit-repaid-cash = سُدّد نقدًا ({ $name })
debtors-title = من عليهم ديون
debtors-loading = جارٍ الحساب…
debtors-empty = لا أحد مدين للمتجر بشيء. للبيع بالدَّين، اختر «بالدَّين» طريقةً لدفع طلب جديد مع رقم هاتف الزبون.
debtors-erased = زبون محذوف
debtors-col-who = من
debtors-col-owes = عليه
debtors-col-since = منذ

## الإعدادات ← الخصوصية
privacy-title = الخصوصية
privacy-hint = صدّر المتجر كله في ملف ZIP من الجداول، أو كل ما يُحفظ عن زبون واحد حين يطلب بياناته. قطع الاتصال يفكّ ربط WhatsApp أو يوقف المزامنة مع الصناديق الأخرى. ويُسجَّل كل ذلك في سجل التدقيق.
privacy-export = تصدير البيانات…
privacy-disconnect = قطع الاتصال…
privacy-loading = جارٍ التحميل…
# «الاحتفاظ بالطلبات وإيصالات M-Pesa لمدة [7] سنوات»
privacy-years-label = الاحتفاظ بالطلبات وإيصالات M-Pesa لمدة
privacy-years-unit = سنوات
privacy-save = حفظ
# { $count } عدد السنوات (من 5 إلى 30).
privacy-saved =
    { $count ->
        [one] تُحفظ الطلبات لمدة سنة واحدة.
        [two] تُحفظ الطلبات لمدة سنتين.
        [few] تُحفظ الطلبات لمدة { $count } سنوات.
        [many] تُحفظ الطلبات لمدة { $count } سنةً.
       *[other] تُحفظ الطلبات لمدة { $count } سنة.
    }
# { $count } عدد الأشهر.
privacy-chats-kept =
    { $count ->
        [one] تُحذف المحادثات بعد شهر واحد من آخر رسالة فيها. ويُحذف الزبائن الذين يكتبون DELETE ME بمجرد أن يرد عليهم الروبوت.
        [two] تُحذف المحادثات بعد شهرين من آخر رسالة فيها. ويُحذف الزبائن الذين يكتبون DELETE ME بمجرد أن يرد عليهم الروبوت.
        [few] تُحذف المحادثات بعد { $count } أشهر من آخر رسالة فيها. ويُحذف الزبائن الذين يكتبون DELETE ME بمجرد أن يرد عليهم الروبوت.
        [many] تُحذف المحادثات بعد { $count } شهرًا من آخر رسالة فيها. ويُحذف الزبائن الذين يكتبون DELETE ME بمجرد أن يرد عليهم الروبوت.
       *[other] تُحذف المحادثات بعد { $count } شهر من آخر رسالة فيها. ويُحذف الزبائن الذين يكتبون DELETE ME بمجرد أن يرد عليهم الروبوت.
    }
privacy-last-checked = آخر فحص: { $time }.
privacy-audit-title = سجل التدقيق
privacy-audit-empty = لا توجد إجراءات خصوصية بعد.
# { $count } عدد أسطر السجل.
privacy-show-all = عرض الكل ({ $count })

## الإعدادات ← بيانات المتجر (واستمارة البدء)
shop-name = اسم المتجر
shop-code = الرمز في رابط زبائنك
shop-code-hint = يرسل الزبائن هذا الرمز على WhatsApp للوصول إلى متجرك. اتركه فارغًا لاستعمال الرمز المقترح.
shop-business-type = نوع النشاط التجاري
shop-country = البلد
shop-country-kenya = كينيا (KES)
shop-country-morocco = المغرب (MAD)
# { $currency } رمز العملة (MAD).
shop-prices-in = الأسعار بـ{ $currency }
shop-owner-password = كلمة مرور المالك
shop-owner-password-hint = 8 أحرف على الأقل. تلزم لإعدادات الدفع والتصدير وحذف البيانات.
shop-owner-repeat = أعد كتابة كلمة المرور
shop-save = حفظ بيانات المتجر
shop-saved = حُفظت بيانات المتجر.
business-grocery = بقالة
business-restaurant = مطعم / أكل
business-fashion = ملابس وأزياء
business-electronics = إلكترونيات
business-beauty = تجميل
business-hardware = عقاقير ومواد البناء
business-airtime-and-data = رصيد الهاتف وباقات الإنترنت
business-other = أخرى

## الإعدادات ← ساعات العمل
day-monday = الإثنين
day-tuesday = الثلاثاء
day-wednesday = الأربعاء
day-thursday = الخميس
day-friday = الجمعة
day-saturday = السبت
day-sunday = الأحد
hours-hint = يخبر الروبوت الزبائن بموعد فتح المتجر، ويستقبل طلباتهم رغم ذلك (إن سمحت بذلك).
hours-open = مفتوح
# لقارئات الشاشة؛ { $name } يوم من الأسبوع (الإثنين).
hours-opens-at = { $name }: يفتح على الساعة
hours-closes-at = { $name }: يغلق على الساعة
hours-orders-when-closed = السماح للروبوت باستقبال الطلبات والمتجر مغلق (تُحضَّر عند الفتح)
hours-save = حفظ ساعات العمل
hours-saved = حُفظت ساعات العمل.

## الإعدادات ← مناطق التوصيل
zones-empty = لا توجد مناطق توصيل بعد: كل الطلبات تُستلم من المتجر.
zone-inactive = غير مفعّلة
zone-new = منطقة جديدة
zone-edit = تعديل المنطقة
zone-area = الحي
# مثال لاسم حي في بلد المتجر.
zone-area-placeholder = المعاريف
# { $currency } رمز عملة المتجر (MAD).
zone-fee = رسوم التوصيل ({ $currency })
zone-active = اعرض هذه المنطقة على الزبائن
zone-save = حفظ المنطقة
zone-saved = حُفظت منطقة التوصيل.

## الإعدادات ← M-Pesa
payment-title = المدفوعات (M-Pesa)
payment-intro = تستخدم المحادثة التجريبية دائمًا مدفوعات محاكاة، أما المحادثات الحقيقية فلا تستخدمها أبدًا: إن لم تكن أي خدمة M-Pesa مربوطة (أو كانت في بيئة sandbox)، يدفع الزبائن يدويًا إلى رقم Till أو Paybill الخاص بك، ويؤكد الموظفون كل رمز M-Pesa.
payment-loading = جارٍ التحميل…
payment-provider = طريقة دفع زبائن المحادثة
payment-provider-none = لا شيء: يدفع الزبائن يدويًا (Till أو Paybill)
payment-provider-intasend = IntaSend: طلب الدفع على هاتف الزبون، والأسهل إعدادًا
payment-provider-daraja = لديّ مفاتيح Daraja (Safaricom M-Pesa Express)
payment-provider-on-delivery = الدفع عند الاستلام: بدون M-Pesa، يدفع الزبون عند تسليم الطلب
payment-environment = البيئة
payment-env-sandbox = Sandbox (للتجربة، بلا مال)
payment-env-production = Production (مال حقيقي)
payment-env-live = Live (مال حقيقي)
# { $url } عنوان محفوظ ليس من عناوين الخدمة نفسها.
payment-env-custom = مخصص: { $url }
payment-keep-placeholder = محفوظ — اتركه فارغًا للإبقاء عليه
payment-daraja-legend = بيانات اعتماد Daraja
payment-daraja-hint = من تطبيقك على developer.safaricom.co.ke ومن مفتاح المرور (passkey) الخاص بـLipa na M-Pesa Online الذي ترسله إليك Safaricom.
payment-consumer-key = Consumer key
payment-consumer-secret = Consumer secret
payment-secret-placeholder = من تطبيقك على Daraja
payment-shortcode = الرمز المختصر للنشاط (shortcode)
payment-pay-to = يدفع الزبائن إلى
payment-collection-paybill = Paybill (يُدخل الزبائن رقم حساب)
payment-collection-till = رقم Till (Buy Goods)
payment-till-number = رقم Till
payment-till-hint = يكون الرمز المختصر أعلاه حينئذٍ رقم مقرّك الرئيسي.
payment-till-required = أدخل رقم Till، أو اختر Paybill.
payment-passkey = مفتاح المرور (passkey)
payment-passkey-placeholder = من Safaricom (Lipa na M-Pesa Online)
payment-intasend-legend = مفاتيح API لـIntaSend
payment-public-key = المفتاح العام (publishable key)
payment-secret-key = المفتاح السري
payment-intasend-hint = من لوحة تحكم IntaSend: Settings → API keys.
payment-manual-legend = الدفع اليدوي
payment-manual-hint = حيث يرسل زبائن المحادثات المال حين لا تحصّله أي خدمة M-Pesa. يخبرهم الروبوت بذلك، ثم يرسلون رمز M-Pesa ليؤكده الموظفون.
payment-manual-till = رقم Till (Buy Goods)
payment-manual-paybill = Paybill (الحساب: رقم الطلب)
payment-manual-number = الرقم
payment-manual-number-placeholder = مثلًا 5123456
payment-save = حفظ إعدادات الدفع
payment-saved = حُفظت إعدادات الدفع.
payment-test = اختبار الاتصال
payment-testing = جارٍ التحقق…
payment-not-tested = لم يُختبر: راجع الحقول المشار إليها أعلاه.

## الإعدادات ← الموظفون
people-title = الأشخاص
people-intro = يسجّل الموظفون دخولهم إلى الصندوق برمزهم السري الخاص، فيُظهر كل طلب من تولّاه. أما المدفوعات والخادم والتصدير وحذف البيانات فتبقى للمالك.
people-no-staff = لا يوجد موظفون بعد: يُفتح الصندوق مباشرة للمالك.
people-staff-name = الاسم
people-staff-pin = الرمز السري (من 4 إلى 6 أرقام)
people-staff-add = إضافة موظف
people-staff-added = يمكن لـ{ $name } الآن تسجيل الدخول برمزه السري.
people-deactivate = إيقاف
people-staff-deactivated = لم يعد بإمكان { $name } تسجيل الدخول.
people-idle = قفل الشاشة بعد هذه المدة دون استخدام
# خيار في القائمة: { $count } دقيقة (من 1 إلى 120).
people-idle-minutes =
    { $count ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $count } دقائق
        [many] { $count } دقيقةً
       *[other] { $count } دقيقة
    }
people-idle-saved =
    { $count ->
        [one] تُقفل الشاشة الآن بعد دقيقة واحدة دون استخدام.
        [two] تُقفل الشاشة الآن بعد دقيقتين دون استخدام.
        [few] تُقفل الشاشة الآن بعد { $count } دقائق دون استخدام.
       *[other] تُقفل الشاشة الآن بعد { $count } دقيقة دون استخدام.
    }
people-owner-change-title = تغيير كلمة مرور المالك
people-owner-old = كلمة المرور الحالية
people-owner-new = كلمة المرور الجديدة
people-owner-repeat = أعد كتابة كلمة المرور الجديدة
people-owner-change = تغيير كلمة المرور
people-owner-changed = تغيّرت كلمة مرور المالك.

## الإعدادات ← هذا الحاسوب: طابعة الإيصالات
printer-title = طابعة الإيصالات
printer-loading = جارٍ التحميل…
printer-kind = الطابعة
printer-kind-none = بلا طابعة (الإيصالات عبر WhatsApp فقط)
printer-kind-network = طابعة شبكة (Wi-Fi أو كابل إلى الموجّه)
printer-kind-device = طابعة USB أو تسلسلية على هذا الحاسوب
printer-address = عنوان الطابعة
printer-address-hint = اضغط زر تمرير الورق مطولًا أثناء تشغيل الطابعة: تُظهر الصفحة التي تطبعها عنوان IP الخاص بها. المنفذ 9100 ما لم تضف منفذًا آخر (192.168.1.50:9101).
printer-path = منفذ الطابعة
printer-path-hint = Windows: منفذ COM في «إدارة الأجهزة»، أو طابعة مشتركة بالشكل \\localhost\POS58. Linux: /dev/usb/lp0 (USB) أو /dev/ttyUSB0 (تسلسلي).
printer-width-label = الورق
# { $name } عرض لفافة الورق (80 mm)؛ { $count } عدد الأحرف في السطر.
printer-width =
    { $count ->
        [few] لفافة { $name } ({ $count } أحرف)
       *[other] لفافة { $name } ({ $count } حرفًا)
    }
printer-auto = طباعة إيصال عند دفع ثمن بيع في هذا الصندوق (يطبع المفتاح r إيصالًا في أي وقت)
printer-drawer = فتح درج النقود عند البيع نقدًا (درج موصول بالطابعة)
printer-scale = ما تحمله ملصقات الميزان
printer-scale-price-whole = السعر، بلا كسور (00250 تعني 250)
printer-scale-price-cents = السعر بالسنتيمات (00250 تعني 2.50)
printer-scale-weight-grams = الوزن بالغرام (01250 تعني 1.250 kg)
printer-scale-hint = للملصقات التي يطبعها ميزان المتجر (13 رقمًا تبدأ من 20 إلى 29): أعطِ كل منتج يُوزن أرقامه السبعة الأولى رمزًا شريطيًا في «المنتجات»، مثلًا 2001234.
printer-test = طباعة صفحة تجريبية
printer-printing = جارٍ الطباعة…
printer-save = حفظ الطابعة
printer-saved = حُفظت إعدادات الطابعة.

## الإعدادات ← هذا الحاسوب: الأسرار المحفوظة
vault-title = الأسرار المحفوظة
vault-intro = تُحفظ مفاتيح M-Pesa وبيانات الدخول للمزامنة مع الصناديق الأخرى ومفاتيح WhatsApp مختومةً (AES-256-GCM)، ولا تُحفظ أبدًا دون تشفير.
vault-loading = جارٍ التحميل…
vault-open-keyring = مختومة على هذا الحاسوب، بمفتاح محفوظ في سلسلة مفاتيحه.
vault-open-passphrase = مختومة على هذا الحاسوب بعبارة المرور الخاصة بك، وتُطلب بعد كل تشغيل.
vault-needs-passphrase = مقفلة: أدخل عبارة المرور لاستخدام مدفوعات M-Pesa والمزامنة وWhatsApp.
vault-choose-passphrase = لا توجد على هذا الحاسوب سلسلة مفاتيح يمكن لـDukaDesk استخدامها: اختر عبارة مرور لحمايتها.
vault-lost = كان مفتاح الأسرار المحفوظة سابقًا في سلسلة مفاتيح هذا الحاسوب، التي لم يعد بإمكان DukaDesk استخدامها، لذا لا يمكن فتحها. بعد اختيار عبارة مرور، أدخل بيانات M-Pesa والمزامنة من جديد واربط WhatsApp من جديد. وإن كانت سلسلة المفاتيح غير جاهزة فحسب، فأعد تشغيل DukaDesk أولًا.
vault-warning = دوّنها واحفظها في مكان آمن. يطلبها DukaDesk بعد كل تشغيل. وإن نُسيت فلن يستطيع أحد فتح الأسرار المحفوظة: وسيلزم حينها إدخال بيانات M-Pesa والخادم من جديد.
# { $count } أقل عدد من الأحرف لعبارة المرور (10).
vault-new-passphrase =
    { $count ->
        [few] عبارة مرور جديدة ({ $count } أحرف على الأقل)
       *[other] عبارة مرور جديدة ({ $count } حرفًا على الأقل)
    }
vault-passphrase = عبارة المرور
vault-confirm = أعد كتابتها
vault-protect = الحماية بهذه العبارة
vault-open = فتح الأسرار المحفوظة
vault-passphrase-set = عُيّنت عبارة المرور: الأسرار المحفوظة محمية بها.
vault-opened = فُتحت الأسرار المحفوظة.

## الإعدادات ← WhatsApp
whatsapp-loading = جارٍ التحميل…
whatsapp-not-linked = غير مربوط
whatsapp-not-linked-detail = اربط WhatsApp المتجر ليجيب الروبوت الزبائن هناك. وإلى ذلك الحين يعمل في المحادثة التجريبية.
whatsapp-linking = جارٍ الربط
whatsapp-linking-detail = أكمل الربط في نافذة الاقتران.
whatsapp-connected = متصل
# { $time } وقت بدء الربط (14:05، أو 12 Mar 14:05).
whatsapp-connected-detail = يجيب الزبائن منذ { $time }.
whatsapp-reconnecting = جارٍ إعادة الاتصال
# { $count } عدد الثواني؛ { $number } رقم المحاولة.
whatsapp-reconnecting-in = انقطع الاتصال. المحاولة التالية بعد { $count } ث (المحاولة رقم { $number }). تنتظر الرسائل على WhatsApp في الأثناء.
whatsapp-reconnecting-now = انقطع الاتصال. المحاولة التالية الآن (المحاولة رقم { $number }). تنتظر الرسائل على WhatsApp في الأثناء.
whatsapp-logged-out = تم تسجيل الخروج
whatsapp-logged-out-detail = سجّل WhatsApp خروج هذا الحاسوب (من الهاتف، أو أزاله WhatsApp). وقد مُسحت مفاتيحه. اربطه من جديد لتواصل الرد على الزبائن.
whatsapp-replaced = استُبدل
whatsapp-replaced-detail = استولت جلسة أخرى من WhatsApp Web أو من تطبيق الحاسوب على هذا الربط، فتوقف DukaDesk. أغلق الجلسة الأخرى، ثم اربط من جديد.
whatsapp-banned = محظور حاليًا
# { $reason } سبب WhatsApp كما يذكره WhatsApp.
whatsapp-banned-detail = حظر WhatsApp هذا الرقم حتى { $time } ({ $reason }). لن يرسل DukaDesk شيئًا حتى ذلك الحين.
whatsapp-number = الرقم
whatsapp-business = النشاط التجاري
whatsapp-last-message = آخر رسالة
whatsapp-none-yet = لا شيء بعد
whatsapp-link = ربط WhatsApp
whatsapp-link-again = الربط من جديد
whatsapp-unlink = فكّ الربط…
whatsapp-pdf-receipts = إرسال إيصال PDF أيضًا بعد الدفع
whatsapp-safety = الأمان: لا يجيب الروبوت إلا الزبائن الذين كتبوا أولًا، ويتمهّل في ردوده ولا يرسل أبدًا رسائل جماعية.

## الإعدادات ← المزامنة مع الصناديق الأخرى
hosted-loading = جارٍ التحميل…
hosted-intro = شارك الطلبات والمنتجات والزبائن مع صناديق المتجر الأخرى. اطلب ممن يدير خادم متجرك سلسلة تسجيل (dukadesk-server enrol-device) والصقها هنا.
hosted-enrolment = سلسلة التسجيل
hosted-connect = اتصال
hosted-connect-busy = جارٍ الاتصال…
# { $name } اسم المتجر على الخادم.
hosted-connected-to = تم الاتصال بـ{ $name }.
hosted-online = متصل
hosted-connecting = جارٍ الاتصال
hosted-offline = غير متصل
hosted-needs-attention = يحتاج إلى متابعة
hosted-up-to-date = كل شيء محدَّث
hosted-changes-waiting =
    { $count ->
        [one] تعديل واحد بانتظار الإرسال
        [two] تعديلان بانتظار الإرسال
        [few] { $count } تعديلات بانتظار الإرسال
        [many] { $count } تعديلًا بانتظار الإرسال
       *[other] { $count } تعديل بانتظار الإرسال
    }
# { $count } عدد الثواني.
hosted-next-try-in = المحاولة التالية بعد { $count } ث
hosted-next-try-now = المحاولة التالية الآن
hosted-logging-in = جارٍ تسجيل الدخول إلى الخادم…
hosted-shop = المتجر
hosted-this-till = هذا الصندوق
# { $number } رقم واحد (1).
hosted-till-digit = تنتهي أرقام الطلبات بـ{ $number }
hosted-server = الخادم
hosted-state = الحالة
hosted-waiting = بانتظار الإرسال
hosted-pending =
    { $count ->
        [0] لا شيء
        [one] تعديل واحد
        [two] تعديلان
        [few] { $count } تعديلات
        [many] { $count } تعديلًا
       *[other] { $count } تعديل
    }
hosted-last-synced = آخر مزامنة
hosted-not-yet = ليس بعد
hosted-bot = روبوت WhatsApp
# { $name } يذكر الصندوق الذي يشغّل الروبوت (إحدى الرسائل الثلاث أدناه).
hosted-bot-runs-on = يعمل على: { $name }
hosted-bot-no-till = لا يوجد صندوق بعد
# { $name } اسم صندوق (الكونطوار).
hosted-bot-this-till = { $name } (هذا الصندوق)
# { $time } موعد انتهاء دور ذلك الصندوق.
hosted-bot-other-till = { $name }، حتى { $time }
hosted-refused = تعديلات رفضها الخادم
hosted-bot-here = تشغيل روبوت WhatsApp على هذا الصندوق
hosted-sync-now = زامن الآن
hosted-syncing = جارٍ المزامنة…
hosted-disconnect = قطع الاتصال…

## الإعدادات ← هذا الحاسوب: التحديثات
update-title = التحديثات
update-loading = جارٍ التحميل…
update-current = هذا الإصدار
update-check = البحث عن تحديثات
update-checking = جارٍ التحقق…
update-not-checked = لم يُتحقق بعد.
update-checking-headline = جارٍ البحث عن تحديثات…
update-up-to-date = DukaDesk محدَّث.
# { $version } رقم الإصدار (0.2.0).
update-available = الإصدار { $version } من DukaDesk متاح.
update-downloading = جارٍ تنزيل الإصدار { $version } من DukaDesk…
update-ready = نُزّل الإصدار { $version } من DukaDesk وتم التحقق من توقيعه. أعد التشغيل لتبدأ استخدامه.
# { $time } تاريخ (12 Mar 2025).
update-published = نُشر في { $time }
update-no-notes = لم تُنشر أي ملاحظات مع هذا الإصدار.
update-download = تنزيل { $version }
update-download-again = أعد محاولة تنزيل { $version }
update-install = أعد التشغيل للتحديث
# { $amount } ميغابايت وصلت من أصل { $total }؛ { $number } النسبة المئوية.
update-progress = { $amount } من { $total } ميغابايت ({ $number }%)
update-progress-so-far = { $amount } ميغابايت حتى الآن

## الإعدادات ← هذا الحاسوب: حول
about-title = حول DukaDesk
about-loading = جارٍ التحميل…
about-version = الإصدار
about-database = قاعدة البيانات

## The check of the shop's data file after start-up
store-damaged = وجد DukaDesk تلفًا في ملف بيانات هذا المتجر (قد يسببه قرص معطوب أو انقطاع الكهرباء). المبيعات الجديدة ما زالت تُحفظ، لكن قد يتعذر قراءة بعض السجلات القديمة. صدّر بياناتك الآن واحفظ النسخة في مكان آمن، ثم استرجع نسخة احتياطية أو اطلب المساعدة من جهة اتصالك في DukaDesk.
store-damaged-export = صدّر بياناتك
store-damaged-details = ما تم العثور عليه

# Order detail, its steps and taking money at the till
order-loading = جارٍ تحميل الطلب…
order-select-hint = اختاروا طلبًا بالسهمين ↑ ↓، أو اضغطوا n لطلب جديد.
order-change-to-give = الباقي المستحق للزبون: { $change }
order-change-from = من { $tendered } مقابل { $total }
order-channel-till = الصندوق
order-channel-test-chat = محادثة تجريبية
order-cancel-this = إلغاء هذا الطلب؟
order-cancel-confirm = إلغاء الطلب { $number }؟
order-yes-cancel = نعم، ألغِه
order-keep-it = الإبقاء عليه
order-waiting-for-payment = في انتظار الدفع: سجّلوه أدناه عند استلام المبلغ.
order-print-receipt = طباعة الإيصال
order-print-bill = طباعة الفاتورة
order-save-pdf = حفظ PDF
order-cancel = إلغاء الطلب
order-walk-in = زبون المحل
order-customer = الزبون
order-fulfilment = طريقة الاستلام
order-delivery-to = التوصيل إلى { $zone }
order-subtotal = المجموع الفرعي
order-delivery-fee = التوصيل
order-total = المجموع
order-method-cash = نقدًا
order-method-mpesa-code = M-Pesa (رمز)
order-method-mpesa-prompt = طلب دفع M-Pesa
order-method-intasend = طلب دفع M-Pesa (IntaSend)
order-method-test = دفع تجريبي
order-method-credit = بالدين
order-payment-pending = قيد الانتظار
order-payment-succeeded = مدفوع
order-payment-failed = فشل
order-payment-unknown = غير معروف: تحققوا من M-Pesa
order-payments = المدفوعات
order-payment-refused = رفض خادم المتجر دفعة لهذا الطلب: { $reason } تحقّق من المال قبل تسليم البضاعة.
order-refunds = المبالغ المردودة
order-refund-open = ردّ المال…
order-refund-left = يمكن ردّ { $left } على الأكثر (المال الذي جلبه هذا الطلب، ناقص ما رُدّ من قبل).
order-refund-amount = المبلغ المردود
order-refund-method = طريقة الردّ
order-refund-cash = نقداً من الدُّرج
order-refund-receipt = رمز M-Pesa للمال المُرسل (إن وُجد)
order-refund-reason = السبب
order-refund-reason-hint = مثلاً: أُعيد خبز واحد
order-refund-reason-erased = حُذف مع بيانات العميل
order-refund-give = ردّ { $amount }
order-refund-give-it = ردّ المال
order-refund-keep = لا تردّ
order-refund-owner = المالك وحده يردّ المال: تُطلب كلمة مرور المالك ما لم تُكتب في الدقائق العشر الأخيرة.
order-refund-over = رُدّ { $amount } أكثر مما جلبه هذا الطلب: ردّ صندوقان المال نفسه وهما غير متصلين. اطلب من الزبون إعادته، أو سجّله خسارة.
order-history = السجل
order-by = بواسطة { $actor }
order-step-request-payment = طلب الدفع
order-step-payment-received = تم استلام الدفع
order-step-payment-failed = فشل الدفع
order-step-retry-payment = إعادة محاولة الدفع
order-step-mark-paid = تسجيله مدفوعًا
order-step-start-preparing = بدء التحضير
order-step-ready = جاهز للاستلام
order-step-dispatch = إرساله للتوصيل
order-step-collected = تسجيله مستلمًا
order-step-delivered = تسجيله موصّلًا
order-step-paid-on-collection = دُفع عند الاستلام
order-step-paid-on-delivery = دُفع عند التوصيل
order-step-cancel = إلغاء الطلب
till-cancelling = جارٍ إلغاء الطلب { $number }…
till-moving = الطلب { $number }: { $step }…
till-now = { $number } الآن: { $status }.
pay-exact-amount = المبلغ بالضبط: { $amount }
pay-change = الباقي: { $change }
pay-cash-given = المبلغ المسلَّم نقدًا
pay-cash-received = تم استلام النقود
pay-mpesa-code = رمز M-Pesa
pay-mpesa-paid = دُفع عبر M-Pesa
pay-on-credit = بالدين: { $who } يدفع لاحقًا

# The new-order form at the till
orderform-title = طلب جديد
orderform-close = إغلاق
orderform-create = إنشاء الطلب
orderform-enter-adds = Enter يضيف { $qty }
orderform-enter-adds-one = Enter يضيف 1 · 3*سكر يضيف 3
orderform-add-items = إضافة منتجات
orderform-search-placeholder = اكتبوا اسم منتج…
orderform-no-match = لا يطابق أي منتج نشط.
orderform-stock-left = المتبقي { $count }
orderform-no-items = لا توجد منتجات بعد.
orderform-one-pack = علبة واحدة
orderform-one-less = إنقاص واحد من { $name }
orderform-quantity-of = كمية { $name }
orderform-one-more = زيادة واحد من { $name }
orderform-phone = الهاتف (اختياري لزبون المحل)
orderform-phone-recipient = الهاتف الذي يتلقى الرصيد أو الباقة
orderform-name = الاسم (اختياري)
orderform-pickup-or-delivery = استلام أو توصيل
orderform-pickup = الاستلام من المحل
orderform-address = العنوان أو معلم قريب
orderform-payment = الدفع
orderform-pay-unpaid = لم يُدفع بعد
orderform-pay-cash = نقدًا
orderform-pay-mpesa = M-Pesa (رمز الإيصال)
orderform-pay-credit = بالدين (زبون معروف يدفع لاحقًا)
orderform-pay-on-delivery = الدفع عند الاستلام (عند التسليم)
orderform-buyer-pin = رقم KRA للمشتري (اختياري، لفاتورته الضريبية)
orderform-note = ملاحظة (اختيارية)
orderform-cash-given = المبلغ المسلَّم نقدًا (فارغ: المبلغ بالضبط)
orderform-barcode-pick = اختاروا المنتج الذي يخصه هذا الرمز.
orderform-barcode-unknown = الرمز الشريطي { $code } غير معروف: لا يحمله أي منتج.
orderform-barcode-none = أضيفوا منتجًا بهذا الرمز في المنتجات (حقل الرمز الشريطي)، ثم امسحوه مجددًا.
orderform-barcode-item = المنتج الذي يخصه هذا الرمز
orderform-barcode-choose = إسناده إلى منتج…
orderform-barcode-assign = إعطاؤه الرمز وإضافته
orderform-barcode-or-new = أو أضيفوا منتجًا جديدًا بهذا الرمز في المنتجات.

# Reports
cashup-title = إقفال الصندوق
cashup-open = عدّ الدرج
cashup-none = لا إقفال بعد. في نهاية اليوم أو الوردية، عدّوا الدرج هنا.
cashup-older = عمليات الإقفال السابقة ({ $count })
cashup-till = الصندوق
cashup-since = منذ
cashup-payments = المدفوعات
cashup-cash-sales = المبيعات النقدية
cashup-cash-refunds = مبالغ رُدّت نقداً
cashup-float = رصيد البداية (النقود في الدرج عند البدء)
cashup-expected = المتوقع في الدرج:
cashup-counted = النقود المعدودة
cashup-note = ملاحظة (سبب الزيادة أو النقص)
cashup-record = تسجيل الإقفال
cashup-adding-up = جارٍ حساب مداخيل هذا الصندوق…
cashup-result = : عُدّ { $counted } من أصل { $expected } متوقعة، بواسطة { $by }.
cashup-recorded = تم تسجيل الإقفال: { $balance }.
cashup-print-z = طباعة تقرير Z
cashup-print-this = طباعة تقرير Z هذا
cashup-print = طباعة
cashup-when = متى
cashup-expected-col = المتوقع
cashup-counted-col = المعدود
cashup-balance = الفرق
cashup-by = بواسطة
cashup-balanced = مطابق
cashup-over = زيادة بمقدار { $amount }
cashup-short = نقص بمقدار { $amount }
summary-title = اليوم في رسالة واحدة
summary-adding-up = جارٍ حساب اليوم…
summary-not-sent = لا يُرسل: اكتبوا رقم WhatsApp الخاص بكم لتتلقوه كل يوم عند الإغلاق.
summary-sent-to = يُرسل إلى +{ $number } كل يوم عند الإغلاق، من WhatsApp هذا الصندوق.
summary-to-be-sent = سيُرسل إلى +{ $number } عند الإغلاق بعد ربط WhatsApp على هذا الصندوق.
summary-stopped = لم يعد ملخص اليوم يُرسل.
summary-will-be-sent = سيُرسل ملخص اليوم عند الإغلاق.
summary-number = رقم WhatsApp الخاص بكم
summary-language = باللغة
summary-save = حفظ
report-title = التقارير
report-period = الفترة
report-period-today = اليوم
report-period-yesterday = أمس
report-period-this-week = هذا الأسبوع
report-period-this-month = هذا الشهر
report-period-dates = تواريخ…
report-from = من
report-to = إلى
report-show = عرض
report-pick-first-day = اختاروا اليوم الأول.
report-pick-last-day = اختاروا اليوم الأخير.
report-adding-up = جارٍ حساب المبيعات…
report-rule = المبيعات هي الطلبات المدفوعة وغير الملغاة (مدفوع، قيد التحضير، في الطريق، تم التوصيل؛ والطلب المدفوع عند الاستلام بعد تسليمه)، وتُحتسب في يوم إنشائها بتوقيت المحل. الطلبات غير المدفوعة تظهر في انتظار الدفع؛ الطلبات الملغاة وطلبات المحادثة التجريبية ليست مبيعات.
report-vs-yesterday = مقارنة بأمس
report-vs-day-before = مقارنة باليوم السابق
report-vs-last-week = مقارنة بالأيام نفسها من الأسبوع الماضي
report-vs-last-month = مقارنة بالأيام نفسها من الشهر الماضي
report-vs-days-before = مقارنة بالأيام الـ{ $count } السابقة
report-no-change = دون تغيير { $comparison }
report-up-from-none = ارتفاع من الصفر { $comparison }
report-orders-count =
    { $count ->
        [zero] لا طلبات
        [one] طلب واحد
        [two] طلبان
        [few] { $count } طلبات
        [many] { $count } طلبًا
       *[other] { $count } طلب
    }
report-compared-with = {" "}· مقارنة بـ { $range }
report-gross = إجمالي المبيعات
report-orders = الطلبات
report-average = متوسط الطلب
report-awaiting = في انتظار الدفع
report-not-paid-yet = لم تُدفع بعد: { $count }
report-cancelled = ملغاة
report-refunded = مال مردود
report-net-sales = المبيعات ناقص المبالغ المردودة: { $amount }
report-give-back = {" "}· { $count } بعد الدفع: { $amount } يجب إرجاعها
report-by-hour = المبيعات حسب الساعة
report-no-sales = لا مبيعات في هذه الفترة بعد.
report-hours-label = المبيعات لكل ساعة من اليوم
report-by-payment = حسب طريقة الدفع
report-by-channel = حسب القناة
report-channel-till = الصندوق (في المحل وبالهاتف)
report-test-orders = طلبات المحادثة التجريبية: { $count }، لا تُحتسب.
report-top-units = المنتجات الأكثر مبيعًا بالكمية
report-top-sales = المنتجات الأكثر مبيعًا بالقيمة
report-nothing-sold = لم يُبع شيء بعد.
report-sold = بيع منه { $count }
report-pay-mpesa-prompt = طلب دفع M-Pesa (STK)
report-pay-mpesa-manual = M-Pesa till / paybill (رمز مكتوب)
report-pay-cash = نقدًا
report-pay-credit = بالدين (سيُدفع)
report-pay-not-recorded = الدفع غير مسجل هنا
report-by-reseller = حسب الوكيل
report-reseller-commission = عمولة { $amount }

## The pairing window (link WhatsApp)
pairing-title = ربط واتساب
pairing-step-open = افتح واتساب على هاتف المتجر.
pairing-qr-step-go = اذهب إلى واتساب > الأجهزة المرتبطة > ربط جهاز (الإعدادات على iPhone، وقائمة ⋮ على Android).
pairing-qr-step-point = وجّه الهاتف نحو هذا الرمز.
pairing-code-step-go = اذهب إلى واتساب > الأجهزة المرتبطة > ربط جهاز، ثم اضغط «الربط برقم الهاتف بدلاً من ذلك».
pairing-code-step-type = اكتب هذا الرمز على الهاتف.
pairing-phone-label = أو اربط برقم هاتف المتجر
pairing-phone-start = احصل على رمز لكتابته على الهاتف
pairing-qr-start = اعرض رمز QR
pairing-loading = جارٍ التحميل…
pairing-intro = يصبح DukaDesk جهازاً مرتبطاً بواتساب المتجر، مثل واتساب ويب. لا يُرسل شيء إلى واتساب حتى تختار أدناه.
pairing-starting = جارٍ الاتصال بواتساب للحصول على رمز…
pairing-qr-label = رمز QR لربط واتساب
pairing-qr-countdown = يتغير هذا الرمز بعد { $time }
pairing-exhausted = نفدت الرموز قبل مسح أي منها.
pairing-new-code = احصل على رمز جديد
pairing-code-label = رمز الربط
pairing-code-countdown = تنتهي صلاحية الرمز بعد { $time }
pairing-linked-to = واتساب مرتبط بالرقم
pairing-linked-hint = يجيب البوت الآن على العملاء الذين يراسلون هذا الرقم. يمكنك إغلاق هذه النافذة.

## The Export window
export-title = تصدير البيانات
export-intro = ملف ZIP يضم جدول بيانات (CSV) وملف JSON لكل نوع من السجلات، وملخصاً يُقرأ أولاً، ومجاميع تحقق لكل ملف.
export-what = ما الذي يُصدَّر
export-shop = المتجر كله
export-shop-hint = الطلبات ببنودها وسجلها، والمدفوعات برموز M-Pesa، والكتالوج، والعملاء، ومناطق التوصيل، وبيانات النشاط التجاري، والمحادثات، وسجل التدقيق.
export-customer = عميل واحد
export-customer-hint = كل ما هو محفوظ عن شخص واحد، لعميل يطلب بياناته: بياناته وطلباته ومدفوعاته ومحادثاته.
export-phone = رقم هاتف العميل
export-choosing = اختر مكان حفظ الملف…
export-writing = جارٍ كتابة { $name }… { $percent }%
export-stop = إيقاف
export-close = إغلاق
export-start = اختر مكان الحفظ…
export-saved = تم حفظ التصدير. احفظه في مكان آمن: فهو يحوي بيانات شخصية للعملاء.
export-file = الملف
export-size = الحجم
export-rows = الصفوف
export-rows-all = { $total } في المجموع
export-rows-each = صفوف كل نوع
export-again = تصدير شيء آخر
export-done = تم
export-entity-business = بيانات النشاط التجاري
export-entity-delivery-zones = مناطق التوصيل
export-entity-categories = الفئات
export-entity-catalogue = الكتالوج
export-entity-stock-movements = حركات المخزون
export-entity-cash-ups = إقفالات الصندوق
export-entity-resellers = الوكلاء
export-entity-reseller-credits = الطلبات المنسوبة إلى الوكلاء
export-entity-reseller-payouts = المدفوعات للوكلاء
export-entity-credit-payments = الديون المسددة
export-entity-customers = العملاء
export-entity-orders = الطلبات
export-entity-order-items = بنود الطلبات
export-entity-order-history = سجل الطلبات
export-entity-payments = المدفوعات
export-entity-digital-sends = الرصيد والباقات
export-entity-conversations = المحادثات
export-entity-messages = الرسائل
export-entity-erasure-requests = طلبات المحو
export-entity-audit-log = سجل التدقيق

## The Disconnect window
disconnect-title = قطع الاتصال
disconnect-intro = اقطع روابط هذا الحاسوب بالخدمات الخارجية. تبقى طلبات المتجر وعملاؤه والكتالوج على هذا الحاسوب؛ وتُسجَّل كل خطوة في سجل التدقيق.
disconnect-loading = جارٍ التحميل…
disconnect-cancel = إلغاء
disconnect-working = جارٍ التنفيذ…
disconnect-close = إغلاق
disconnect-wa-title = واتساب
disconnect-wa-not-linked = غير مرتبط: لا يحمل هذا الحاسوب أي مفاتيح لواتساب.
disconnect-wa-linked = مرتبط بالرقم { $number }.
disconnect-wa-linked-business = مرتبط بالرقم { $number } ({ $name }).
disconnect-wa-linking = بدأ الربط على هذا الحاسوب.
disconnect-wa-effect-logout = يسجّل DukaDesk خروج هذا الحاسوب من واتساب، فلا يظهر بعد ذلك في الأجهزة المرتبطة على هاتف المتجر.
disconnect-wa-effect-keys = تُمحى مفاتيح واتساب المحفوظة على هذا الحاسوب فوراً.
disconnect-wa-effect-bot = يتوقف البوت عن الرد على العملاء في واتساب. تبقى المحادثات والطلبات الموجودة هنا.
disconnect-wa-effect-again = يمكنك الربط مجدداً لاحقاً من الإعدادات ← واتساب، برمز جديد.
disconnect-wa-offline = تعذّر إبلاغ واتساب لأن هذا الحاسوب غير متصل بالإنترنت. على هاتف المتجر، افتح واتساب ← الأجهزة المرتبطة وسجّل خروج هذا الحاسوب من هناك.
disconnect-wa-done = أُلغي ربط واتساب ومُحيت مفاتيحه من هذا الحاسوب.
disconnect-wa-action = إلغاء ربط واتساب…
disconnect-wa-question = إلغاء ربط واتساب من هذا الحاسوب الآن؟
disconnect-wa-confirm = إلغاء الربط ومحو المفاتيح
disconnect-hosted-title = المزامنة مع الصناديق الأخرى
disconnect-hosted-connected = متصل بـ «{ $name }» كصندوق «{ $device }».
disconnect-hosted-alone = غير متصل: يعمل هذا الصندوق وحده.
disconnect-hosted-effect-stop = يتوقف هذا الصندوق عن المزامنة مع «{ $name }» على { $url }.
disconnect-hosted-effect-key = يُحذف مفتاحه إلى الخادم من هذا الحاسوب فوراً. يتطلب الاتصال مجدداً رمز تسجيل جديداً.
disconnect-hosted-effect-data = تبقى الطلبات والعملاء والكتالوج على هذا الحاسوب، وعلى الخادم لصناديق المتجر الأخرى.
disconnect-hosted-effect-pending = { $count ->
    [one] تغيير واحد أُجري هنا لم يصل إلى الخادم بعد. يبقى على هذا الصندوق، ولا يُرفع إلا إذا أُعيد ربط الصندوق بالمتجر نفسه.
   *[other] { $count } من التغييرات أُجريت هنا لم تصل إلى الخادم بعد. تبقى على هذا الصندوق، ولا تُرفع إلا إذا أُعيد ربط الصندوق بالمتجر نفسه.
}
disconnect-hosted-effect-bot = بوت واتساب يعمل على هذا الصندوق: يتولاه صندوق آخر يعرض تشغيله.
disconnect-hosted-offline = تعذّر الوصول إلى الخادم، لذا ينتهي إمساك هذا الصندوق ببوت واتساب من تلقاء نفسه خلال دقيقتين.
disconnect-hosted-unsent = { $count ->
    [one] تغيير واحد أُجري هنا لم يصل إلى الخادم قط. وهو محفوظ على هذا الصندوق.
   *[other] { $count } من التغييرات أُجريت هنا لم تصل إلى الخادم قط. وهي محفوظة على هذا الصندوق.
}
disconnect-hosted-revoke = ما زال الخادم يُدرج هذا الصندوق. إذا كان هذا الحاسوب سيغادر المتجر، فاطلب ممن يدير خادمك إلغاءه.
disconnect-hosted-done = غادر هذا الصندوق «{ $name }». حُذف مفتاحه إلى الخادم.
disconnect-hosted-action = إيقاف المزامنة مع الصناديق الأخرى…
disconnect-hosted-question = إيقاف مزامنة هذا الصندوق وحذف مفتاحه إلى الخادم الآن؟
disconnect-hosted-confirm = المغادرة ونسيان المفتاح
disconnect-meta-title = صفحات فيسبوك وإنستغرام
disconnect-meta-now = غير متصل. لا يتصل هذا الإصدار من DukaDesk بصفحات فيسبوك أو إنستغرام، لذا لا يحمل أي رموز لها.

# رفض القواعد (رقم هاتف، مبلغ، خطوة طلب): crates/domain/src/words.rs.
error-fields = بعض الحقول تحتاج إلى تصحيح.
error-phone-empty = أدخل رقم هاتف، مثلاً 0612345678.
error-phone-characters = رقم الهاتف أرقام فقط (مع علامة + في أوله إن شئت).
error-phone-not-recognised = هذا ليس رقم هاتف محمول مغربياً ولا كينياً. جرّب 0612345678 أو ‎+212612345678.
error-phone-length = في هذا الرقم { $digits } أرقام؛ رقم الهاتف المحمول فيه 10 أرقام (0612345678) أو 12 رقماً مع رمز البلد (212612345678).
error-amount-empty = أدخل مبلغاً، مثلاً 250 أو 99.50.
error-amount-not-a-number = «{ $typed }» ليس مبلغاً. استعمل الأرقام، مثلاً 250 أو 99.50.
error-amount-decimals = رقمان بعد الفاصلة على الأكثر، مثلاً 99.50.
error-amount-negative = لا يمكن أن يكون المبلغ سالباً.
error-amount-too-large = هذا المبلغ كبير جداً.
error-amount-currencies = لا يمكن جمع مبالغ بـ{ $first } ومبالغ بـ{ $second }.
error-tender-short = { $tendered } أقل من المجموع { $total }: يبقى { $short }.
error-order-already-paid = هذا الطلب مدفوع من قبل.
error-order-final = هذا الطلب «{ $status }» من قبل؛ لم يعد يمكن تغييره.
error-order-illegal = لا يمكن تغيير طلب «{ $status }» بـ«{ $step }».
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
error-mpesa-code = رمز M-Pesa من 10 حروف وأرقام، مثل QFT4ABC12X (في الرسالة القصيرة التي وصلت الزبون).
error-shop-code-short = استعمل 3 أحرف على الأقل، مثلاً epicerie-amal.
error-shop-code-long = استعمل 30 حرفاً على الأكثر.
error-shop-code-characters = استعمل الحروف a-z والأرقام والشرطات فقط.
error-shop-code-dash = لا يمكن أن يبدأ الرمز أو ينتهي بشرطة.
error-printer-address-empty = اكتب عنوان الطابعة، مثلاً 192.168.1.50 (تجده في الصفحة التي تطبعها الطابعة إذا شغّلتها وأنت تضغط زر تقديم الورق).
error-printer-port = «{ $port }» ليس رقم منفذ؛ طابعات الإيصالات تستعمل 9100.
error-printer-address = اكتب العنوان وحده، مثلاً 192.168.1.50 أو 192.168.1.50:9100.
error-pay-to-number = رقم till أو paybill من 5 إلى 8 أرقام، مثلاً 123456.
error-pay-to-kind = اختر till ‏(Buy Goods) أو paybill.
error-cart-not-for-sale = { $name } لم يعد للبيع.
error-cart-out-of-stock = لم يبق من { $name } إلا { $available }.
error-label-no-weight = الملصق لا يُظهر أي وزن؛ أعد وزن المنتج.
error-label-no-price = الملصق لا يُظهر أي سعر؛ أعد وزن المنتج.
error-cart-quantity = اختر بين 1 و{ $max } وحدة.
error-cart-currency = سعر { $name } بعملة أخرى.

# ما ترفضه النماذج (crates/domain/src/words.rs، `Problem`).
problem-too-long = استعمل { $max } حرفاً على الأكثر.
problem-no-items = أضف منتجاً واحداً على الأقل.
problem-quantity = الكميات من 1 إلى { $max }.
problem-scale-label = { $code } ليس ملصق ميزان يستطيع هذا الصندوق قراءته؛ امسحه مرة أخرى.
problem-delivery-address = أدخل مكان التوصيل (شارع أو عمارة أو معلم معروف).
problem-delivery-phone = التوصيل يحتاج إلى هاتف الزبون من أجل الموصِّل.
problem-credit-phone = البيع بالدَّين يحتاج إلى هاتف الزبون: فهو المدين بالمبلغ.
problem-on-delivery-phone = الطلب المدفوع عند التسليم يحتاج إلى هاتف الزبون للاتصال به عند التسليم.
problem-shop-name = أدخل اسم المحل كما يعرفه الزبائن.
problem-zone-name = أدخل اسم الحي، مثلاً المعاريف.
problem-all-days = أدخل أوقات الأيام السبعة كلها.
problem-closes-before-opening = يوم { $day } يجب أن يُغلق المحل بعد أن يفتح.
problem-hours-format = استعمل نظام 24 ساعة ليوم { $day }، مثلاً 08:00 و20:00.
problem-alias-too-long = «{ $name }» طويل: 40 حرفاً على الأكثر لكل اسم آخر.
problem-too-many-aliases = { $max } أسماء أخرى على الأكثر، تفصل بينها فواصل.
problem-stock-number = أدخل المخزون عدداً صحيحاً، مثلاً 12.
problem-low-stock-number = أدخل حدّ التنبيه عدداً صحيحاً، مثلاً 12.
problem-megabytes-number = أدخل حجم الباقة بالميغابايت عدداً صحيحاً، مثلاً 12.
problem-validity-number = أدخل مدة الصلاحية بالأيام عدداً صحيحاً، مثلاً 12.
problem-item-name = أدخل اسم المنتج، مثلاً شاي أخضر 200 غ.
problem-price-zero = يجب أن يكون السعر أكبر من صفر.
problem-bundle-size = يجب أن تكون الباقة أكثر من 0 ميغابايت.
problem-bundle-days = يجب أن تكون الباقة صالحة يوماً واحداً على الأقل.
problem-airtime-price = يُرسَل الرصيد بالشلن الكامل من 10 KES إلى 10,000 KES: اجعل السعر مساوياً لقيمته.
problem-bundle-validity = تُباع الباقات صالحة لمدة 1 أو 7 أو 14 أو 30 أو 90 يوماً.
problem-barcode = امسح الرمز الشريطي، أو اكتب الأرقام التي تحته (6 على الأقل).
problem-item-class = تصنيف الصنف لدى KRA هو الأرقام العشرة التي تدرجها KRA لهذا النوع من البضائع، مثل 5059690800؛ اتركه فارغًا لاستعمال تصنيف المتجر.
problem-low-stock-needs-stock = اكتب المخزون أيضاً: وحدها المنتجات المعدودة يمكن أن تنفد.
problem-category-name = أدخل اسم فئة، مثلاً خضر.
problem-counted-cash = عُدّ النقود في الدرج واكتب المجموع (0 إن كان فارغاً).
problem-cash-up-note = اجعل الملاحظة أقل من 500 حرف.
problem-printer-port = اكتب منفذ الطابعة، مثلاً /dev/usb/lp0 أو COM3 أو \\localhost\POS58.
problem-report-order = يجب أن يكون اليوم الأخير هو اليوم الأول أو بعده.
problem-report-days = اختر { $max } يوماً على الأكثر.
problem-commission-on = اختر ما تُكسب عليه العمولة: كل شيء، أو فئة، أو منتج.
problem-reseller-name = اكتب اسم الموزّع (80 حرفاً على الأكثر).
problem-reseller-code = استعمل من 3 إلى 12 حرفاً ورقماً، مثلاً AMAL10.
problem-percentage = اكتب نسبة مئوية أكبر من 0 ولا تتجاوز 50، مثلاً 5 أو 2.5.
problem-per-unit = اكتب المبلغ المكتسب عن كل وحدة تُباع، مثلاً 10.
problem-pay-whom = اختر من تدفع له.
problem-payout-amount = اكتب المبلغ المدفوع، مثلاً 500.
problem-payout-method = اختر نقداً أو M-Pesa.
problem-password-short = استعمل { $min } أحرف على الأقل: جملة قصيرة سهلة التذكر وصعبة التخمين.
problem-passwords-differ = كلمتا المرور مختلفتان. اكتب كلمة المرور نفسها مرتين.
problem-pin = الرمز السري من 4 إلى 6 أرقام (0-9) لا غير.
problem-staff-name = اكتب الاسم الذي يُنادى به هذا الشخص في الصندوق.
problem-staff-name-long = اجعل الاسم أقل من 40 حرفاً؛ الاسم الأول يكفي.
problem-passphrase-short = استعمل { $min } أحرف على الأقل: بضع كلمات ستتذكرها تفي بالغرض.
problem-passphrases-differ = عبارتا المرور مختلفتان. اكتب العبارة نفسها مرتين.
problem-repaid-amount = اكتب المبلغ المسدَّد.
problem-wrong-pin = هذا الرمز السري غير صحيح. { $count ->
        [one] بقيت محاولة واحدة
        [two] بقيت محاولتان
        [few] بقيت { $count } محاولات
       *[other] بقيت { $count } محاولة
    } قبل انتظار قصير.
problem-wrong-password = كلمة المرور غير صحيحة. { $count ->
        [one] بقيت محاولة واحدة
        [two] بقيت محاولتان
        [few] بقيت { $count } محاولات
       *[other] بقيت { $count } محاولة
    } قبل انتظار قصير.
problem-owner-uses-password = يدخل صاحب المحل بكلمة مرور صاحب المحل، لا برمز سري.
problem-pin-taken = شخص آخر يستعمل هذا الرمز السري. اختر رمزاً آخر.
problem-pin-needed = اكتب رمزاً سرياً من 4 إلى 6 أرقام.
problem-owner-stays = لا يمكن إيقاف صاحب المحل.
problem-no-owner-password = لم تُحدَّد كلمة مرور صاحب المحل بعد. حدّدها أولاً (سيطلبها التطبيق).
problem-cannot-sign-in = لم يعد بإمكان { $name } الدخول. اسأل صاحب المحل.
problem-idle-minutes = اختر بين 1 و120 دقيقة.
problem-item-removed = أُزيل منتج من هذا الطلب من الكتالوج.
problem-item-archived = { $name } مؤرشف ولم يعد يُباع.
problem-none-left = لم يبق شيء من { $name }: المخزون يشير إلى { $level }، لأن الصناديق باعت أكثر مما عُدّ. أعد عدّه في الكتالوج.
problem-only-left = لم يبق من { $name } في المخزون إلا { $left } (المطلوب { $qty }).
problem-not-a-scale-label = { $code } ليس ملصق ميزان؛ امسحه مرة أخرى.
problem-label-not-for = الملصق { $code } ليس لـ{ $name }: يجب أن يكون رمزه الشريطي في الكتالوج { $barcode }.
problem-zone-gone = منطقة التوصيل هذه لم تعد متاحة؛ اختر غيرها.
problem-airtime-phone = اكتب رقم الهاتف الذي يُرسَل إليه الرصيد أو الباقة.
problem-code-used = رمز M-Pesa { $code } مسجَّل من قبل على الطلب رقم { $number }. تحقّق من الرمز في رسالة الزبون القصيرة.
problem-choose-payment = اختر نقداً أو M-Pesa أو بالدَّين.
problem-paid-at-hand-over = الطلب { $number } يُدفع عند تسليمه: أرسله أولاً (أو جهّزه للاستلام)، ثم سجّل المبلغ.
problem-statement-code = اكتب رمز M-Pesa كما يظهر في كشف حسابك (10 حروف وأرقام).
problem-code-or-reason = اكتب رمز M-Pesa من الكشف أو من رسالة الزبون، أو اذكر سبب غيابه.
problem-reason-long = اذكر السبب في 200 حرف على الأكثر.
problem-code-recorded = رمز M-Pesa { $code } مسجَّل من قبل على الطلب رقم { $number }.
problem-owes-nothing = لا دَين عليه: لا شيء لتذكيره به.
problem-cannot-remind = لا يمكن إرسال تذكير: هذا الزبون لم يراسل المحل على واتساب قط، أو طلب عدم تلقي الرسائل (STOP). ذكّره شخصياً أو بالهاتف.
problem-unknown-environment = اختر بيئة الاختبار (sandbox) أو الإنتاج (production)، أو أدخل عنوانًا يبدأ بـ https://.
problem-daraja-key = الصق مفتاح المستهلك (consumer key) من تطبيقك على Daraja.
problem-daraja-secret = الصق سرّ المستهلك (consumer secret) من تطبيقك على Daraja.
problem-daraja-shortcode = الرمز المختصر (shortcode) من 5 إلى 7 أرقام، مثل 174379.
problem-daraja-passkey = الصق مفتاح المرور (passkey) لخدمة Lipa na M-Pesa الذي أعطتك إياه Safaricom.
problem-daraja-till = رقم الـ till من 5 إلى 8 أرقام؛ اتركه فارغًا إن كان لديك paybill.
problem-intasend-public-key = الصق المفتاح العام (publishable key) من لوحة تحكم IntaSend.
problem-intasend-secret-key = الصق المفتاح السري (secret key) من لوحة تحكم IntaSend.
problem-at-username = اكتب اسم المستخدم لتطبيقك على Africa's Talking ("sandbox" في بيئة الاختبار).
problem-at-api-key = الصق مفتاح API من لوحة تحكم Africa's Talking (Settings → API Key).
problem-at-bundle-product = اسم المنتج 100 حرف على الأكثر.
problem-kra-key = الصق مفتاح المستهلك لتطبيقك على بوابة المطوّرين لدى KRA (GavaConnect).
problem-kra-secret = الصق سرّ المستهلك المرافق لهذا المفتاح.
problem-kra-serial = اكتب الرقم التسلسلي لجهاز هذا الصندوق كما سجّلته لدى KRA لخدمة OSCU.
problem-kra-pin = رقم PIN لدى KRA حرف ثم تسعة أرقام ثم حرف، مثل P051234567X: انسخه من شهادة PIN الخاصة بك.
problem-kra-branch = رقم الفرع رقمان: 00 للمقر الرئيسي، أو الرقم الذي أعطته KRA للفرع.
problem-shop-item-class = رمز التصنيف هو الأرقام العشرة التي تدرجها KRA لما يبيعه المتجر (eTIMS → item classification)، مثل 5059690800.
problem-item-class-unlisted = لا تدرج KRA الرمز { $code } كتصنيف للأصناف: اكتب ما هو الصنف واختر رمزًا من القائمة.
problem-item-class-withdrawn = لم تعد KRA تستعمل { $code } ({ $name }) للأصناف الجديدة: اكتب ما هو الصنف واختر رمزًا من القائمة.
problem-type-a-message = اكتب رسالة أولاً.
problem-message-too-long = اجعل الرسالة أقل من 4000 حرف.
problem-never-wrote = لم يكتب هذا العميل إلى المتجر على واتساب بعد. لا يرد DukaDesk إلا على العملاء الذين كتبوا أولاً؛ راسله من الهاتف إن لزم الأمر.
problem-currency-fixed = لا يمكن تغيير العملة بعد أن صارت للأصناف أسعار.
problem-whatsapp-number = اكتب الرقم مع رمز البلد، مثل 254712345678.
problem-category-taken = توجد فئة باسم { $name } من قبل.
problem-category-gone = تلك الفئة لم تعد موجودة؛ اختر غيرها.
problem-barcode-taken = هذا الباركود موجود من قبل على { $name }. امسح رمز هذا الصنف نفسه.
problem-stock-delta = أدخل عدد الوحدات المراد إضافتها (مثلاً 12) أو إزالتها (مثلاً -2).
problem-not-counted = { $name } غير معدود. اكتب مخزونه في الكتالوج لبدء عدّه.
problem-reseller-code-taken = لدى { $name } الرمز { $code } من قبل. اختر رمزًا آخر.
problem-applies-to-gone = تلك الفئة أو الصنف لم يعد في الكتالوج. اختر من جديد.
problem-payout-over = الحد الأقصى المستحق الآن هو { $most } (العمولة بعد فترة الانتظار البالغة { $days } يومًا، ناقص ما دُفع).
problem-payout-code-recorded = رمز M-Pesa ‏{ $code } مسجّل من قبل لدفعة.
problem-daraja-first = أدخل بيانات اعتماد Daraja أولاً.
problem-intasend-first = أدخل مفاتيح IntaSend أولاً.
problem-order-years = احتفظ بالطلبات بين { $min } و{ $max } سنة (يجب الاحتفاظ بالسجلات الضريبية { $min } سنوات على الأقل).
problem-phone-taken = لدى عميل آخر هذا الرقم.
problem-kra-first = اربط هذا الصندوق بـ KRA أولاً.
problem-invoice-carries-pin = الفاتورة تحمل { $pin } من قبل.
problem-wrong-passphrase = عبارة المرور هذه لا تفتح أسرار هذا المتجر. تحقق منها وحاول مرة أخرى.
problem-photo-empty = هذا الملف فارغ. اختر صورة محفوظة بصيغة JPEG أو PNG أو WebP.
problem-photo-too-large = هذا الملف أكبر من 20 ميغابايت. اختر صورة أصغر، أو احفظها من جديد بحجم أقل.
problem-photo-not-a-picture = هذا الملف ليس صورة JPEG أو PNG أو WebP. صورة الآيفون (HEIC) شاركها بصيغة JPEG أولاً.
problem-photo-unreadable = تعذّرت قراءة هذه الصورة: قد تكون تالفة أو كبيرة جداً. افتحها واحفظها من جديد بصيغة JPEG، ثم حاول مرة أخرى.
problem-over-limit = تجاوز حدّ الدَّين لـ{ $name }: عليه { $balance } من { $limit }، وهذا البيع { $amount }. خذ جزءاً منه نقداً أو عبر M-Pesa، أو ارفع الحدّ في صفحة الزبائن.
problem-send-cancelled = أُلغي طلبه، فلن يُرسَل مرة أخرى. أعد المبلغ إلى الزبون.
problem-send-erased = مُسح رقم الزبون، فلا يمكن إرساله مرة أخرى. أعد المبلغ إلى الزبون.
problem-may-still-deliver = قد يوصله Africa's Talking بعد. انتظر جوابه قبل الإرسال يدوياً.
problem-refund-note = اذكر كيف أُعيد المبلغ (رمز M-Pesa، أو نقداً)، في 200 حرف على الأكثر.
problem-nothing-to-refund = لا شيء يُردّ: هذا الطلب لم يجلب نقداً ولا M-Pesa، أو رُدّ كل شيء من قبل.
problem-refund-over = يمكن ردّ { $left } على الأكثر لهذا الطلب (المال الذي جلبه، ناقص ما رُدّ من قبل).
problem-refund-amount = اكتب المبلغ المردود، { $left } على الأكثر.
problem-refund-reason = اذكر سبب ردّ المال، مثلاً "أُعيد خبز واحد" (200 حرف على الأكثر).
problem-reseller-erased = حُذف هذا الوكيل بطلب منه ولا يمكن تعديله. أضفه من جديد إن عاد.

## The screen's own code failed (a banner over everything)
crashed-words = توقفت هذه الشاشة عن العمل. أعد تحميلها للمتابعة: كل ما حُفظ باقٍ.
crashed-reload = أعد تحميل الشاشة
crashed-details = ما الذي حدث (للدعم)

## The sync indicator at the foot of the nav
sync-synced = متزامن
sync-synced-title = محدّث مع { $shop }.
sync-waiting = { $count } بالانتظار
sync-waiting-title =
    { $count ->
        [zero] لا تغييرات بانتظار الإرسال إلى { $shop }.
        [one] تغيير واحد بانتظار الإرسال إلى { $shop }.
        [two] تغييران بانتظار الإرسال إلى { $shop }.
        [few] { $count } تغييرات بانتظار الإرسال إلى { $shop }.
       *[other] { $count } تغييرًا بانتظار الإرسال إلى { $shop }.
    }
sync-connecting = جارٍ الاتصال
sync-connecting-title = جارٍ تسجيل الدخول إلى خادم { $shop }.
sync-offline = غير متصل
sync-attention = المزامنة تحتاج إلى انتباه
