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

## الوكلاء (من يجلبون الزبائن ويكسبون عمولة)
resellers-title = الوكلاء
resellers-add = إضافة وكيل
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
reseller-save = حفظ الوكيل
reseller-cancel = إلغاء
reseller-saved = حُفظ الوكيل { $name }.
reseller-edit = تعديل
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
