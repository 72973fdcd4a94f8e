# شاشات DukaDesk بالعربية. يبقى الاسم على اليسار كما هو؛
# ترجموا الكلمات على اليمين. { $name } قيمة يضعها التطبيق.

## القائمة الجانبية
nav-till = الصندوق
nav-catalogue = المنتجات
nav-settings = الإعدادات
nav-inbox = الرسائل
nav-test-chat = محادثة تجريبية
nav-customers = الزبائن
nav-reports = التقارير
nav-lock = قفل
nav-lock-title = اقفل الصندوق؛ يدخل الموظفون من جديد برمزهم السري

## الصندوق
till-search = ابحث برقم الطلب أو الهاتف  ( / )
till-search-label = البحث في الطلبات
till-new-order = طلب جديد
till-undo = تراجع

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
