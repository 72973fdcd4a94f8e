//! Pieces used by more than one page, or big enough to deserve a module of
//! their own: form plumbing, banners, the keyboard hook, and the parts of the
//! till, catalogue, settings, inbox and test chat screens.

pub mod banner;
pub mod cash_up;
pub mod category_box;
pub mod chat_text;
pub mod conversation_list;
pub mod conversation_pane;
pub mod credit_card;
pub mod day_summary;
pub mod digital_settings;
pub mod digital_settle;
pub mod feed;
pub mod field;
pub mod hosted_feed;
pub mod hosted_settings;
pub mod hours_editor;
pub mod inbox_feed;
pub mod item_editor;
pub mod keyboard;
pub mod low_stock;
pub mod message_list;
pub mod nav;
pub mod order_detail;
pub mod order_form;
pub mod order_queue;
pub mod order_refunds;
pub mod owner_prompt;
pub mod payment_settings;
pub mod people_settings;
pub mod printer_settings;
pub mod privacy_card;
pub mod qr;
pub mod record_payment;
pub mod shop_form;
pub mod start_checklist;
pub mod status_badge;
pub mod status_chips;
pub mod sync_indicator;
pub mod tax_settings;
pub mod timestamp;
pub mod unsettled;
pub mod update_card;
pub mod vault_card;
pub mod whatsapp_card;
pub mod zone_editor;
