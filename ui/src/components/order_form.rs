//! The till's manual order form, for walk-ins and phone calls, built for the
//! keyboard: type in `#order-item-search` to filter the active catalogue
//! (`3*sugar` adds three), ↑ ↓ pick a match, Enter adds it; Tab reaches each
//! cart line's −, quantity, + and remove; Ctrl+Enter creates the order.
//!
//! The cart is the domain's [`Cart`], so stock and quantity limits are the
//! store's own; the whole form is checked with `ManualOrderInput::validate`
//! before `CreateManualOrder`.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::components::keyboard::{focus, focus_id};
use crate::components::record_payment::change_text;
use crate::i18n::{said, t, t_args, t_count};
use crate::ipc::invoke;
use dukadesk_domain::barcode::{ScaleLabel, ScaleLabels, Weighed};
use dukadesk_domain::cart::{Cart, CartError};
use dukadesk_domain::cash::{tender, Tendered};
use dukadesk_domain::catalogue::{Item, ItemInput, ItemKind};
use dukadesk_domain::ipc::{
    CreateManualOrder, FieldError, GetPrinterSettings, GetTaxSettings, ListItems, ListItemsCmd,
    NoArgs, OrderDetail, SaveItem, ShopView,
};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::{Currency, ItemId, Money, ZoneId};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Fields this form shows errors for.
const FIELDS: &[&str] = &[
    "customer_phone",
    "customer_name",
    "lines",
    "zone_id",
    "address",
    "payment",
    "receipt",
    "note",
    "buyer_pin",
];

/// The most matches shown under the search.
const MAX_MATCHES: usize = 8;

/// How the customer paid, as the `#order-payment` select says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PayChoice {
    Unpaid,
    Cash,
    Mpesa,
    Credit,
    OnDelivery,
}

/// The choices, their select values and their words' keys.
const PAY_CHOICES: [(PayChoice, &str, &str); 5] = [
    (PayChoice::Unpaid, "unpaid", "orderform-pay-unpaid"),
    (PayChoice::Cash, "cash", "orderform-pay-cash"),
    (PayChoice::Mpesa, "mpesa", "orderform-pay-mpesa"),
    (PayChoice::Credit, "credit", "orderform-pay-credit"),
    (
        PayChoice::OnDelivery,
        "on_delivery",
        "orderform-pay-on-delivery",
    ),
];

/// Everything typed so far.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    search: String,
    highlight: usize,
    cart: Cart,
    phone: String,
    name: String,
    zone: Option<ZoneId>,
    address: String,
    pay: PayChoice,
    receipt: String,
    /// Cash handed over, as typed (empty: the exact amount).
    tendered: String,
    note: String,
    /// A business buyer's KRA PIN, for their tax invoice.
    buyer_pin: String,
}

impl Draft {
    fn new(shop: &ShopView) -> Self {
        Self {
            search: String::new(),
            highlight: 0,
            cart: Cart::new(shop.shop.currency),
            phone: String::new(),
            name: String::new(),
            zone: None,
            address: String::new(),
            pay: PayChoice::Unpaid,
            receipt: String::new(),
            tendered: String::new(),
            note: String::new(),
            buyer_pin: String::new(),
        }
    }

    fn to_input(&self) -> ManualOrderInput {
        let payment = match self.pay {
            PayChoice::Unpaid => TillPayment::Unpaid,
            PayChoice::Cash => TillPayment::Cash,
            PayChoice::Mpesa => TillPayment::MpesaReceipt(self.receipt.clone()),
            PayChoice::Credit => TillPayment::Credit,
            PayChoice::OnDelivery => TillPayment::OnDelivery,
        };
        ManualOrderInput {
            customer_phone: self.phone.clone(),
            customer_name: self.name.clone(),
            lines: self
                .cart
                .lines
                .iter()
                .map(|l| ManualLineInput {
                    item_id: l.item_id,
                    qty: l.qty,
                    label: l.label.clone(),
                })
                .collect(),
            zone_id: self.zone,
            address: if self.zone.is_some() {
                self.address.clone()
            } else {
                String::new()
            },
            payment,
            note: self.note.clone(),
            buyer_pin: self.buyer_pin.clone(),
        }
    }
}

/// `3*sugar` is three of what matches "sugar"; plain text is one.
fn parse_quick(text: &str) -> (u32, String) {
    if let Some((left, right)) = text.split_once('*') {
        if let Ok(qty) = left.trim().parse::<u32>() {
            return (qty, right.trim().to_lowercase());
        }
    }
    (1, text.trim().to_lowercase())
}

/// Active items whose name or one of its other names contains `needle`,
/// those starting with it first.
fn matches<'a>(items: &'a [Item], needle: &str) -> Vec<&'a Item> {
    if needle.is_empty() {
        return Vec::new();
    }
    let any_name =
        |i: &Item, test: &dyn Fn(&str) -> bool| i.names().any(|n| test(&n.to_lowercase()));
    let mut found: Vec<&Item> = items
        .iter()
        .filter(|i| !i.archived && any_name(i, &|n| n.contains(needle)))
        .collect();
    found.sort_by_key(|i| !any_name(i, &|n| n.starts_with(needle)));
    found.truncate(MAX_MATCHES);
    found
}

/// Sets line `index`'s quantity through the cart's own rules (0 removes
/// it). A weighed pack is one pack: it can only be removed.
fn set_qty(cart: &mut Cart, item: Option<&Item>, index: usize, qty: u32) -> Result<(), CartError> {
    let Some(line) = cart.lines.get(index) else {
        return Ok(());
    };
    let (current, name) = (line.qty, line.name.clone());
    if qty <= current {
        cart.remove_at(index, current - qty);
        return Ok(());
    }
    if line.label.is_some() {
        return Err(CartError::BadQuantity);
    }
    match item {
        Some(item) => cart.add(item, qty - current),
        None => Err(CartError::NotForSale(name)),
    }
}

/// What a scanned code stands for.
#[derive(Debug, PartialEq)]
enum Scanned<'a> {
    /// The item with this barcode.
    Item(&'a Item),
    /// A pack weighed on the shop's scale, of the item whose Barcode is
    /// the label's first seven digits.
    Pack(&'a Item, Weighed),
    /// A scale label for an item, but one it cannot price (nothing weighed).
    Refused(String),
    /// No item has it.
    Unknown,
}

/// Reads a scanned code: an item's own barcode first, then a scale label.
fn scanned<'a>(items: &'a [Item], code: &str, scale: ScaleLabels) -> Scanned<'a> {
    if let Some(item) = by_barcode(items, code) {
        return Scanned::Item(item);
    }
    let Some(label) = ScaleLabel::parse(code) else {
        return Scanned::Unknown;
    };
    match by_barcode(items, &label.item_code) {
        Some(item) => match scale.price(&label, item.price) {
            Ok(weighed) => Scanned::Pack(item, weighed),
            Err(e) => Scanned::Refused(format!("{}: {}", item.name, said(&e))),
        },
        None => Scanned::Unknown,
    }
}

fn cart_error(e: CartError) -> FormErrors {
    FormErrors::from_fields(vec![FieldError::said("lines", &e)])
}

/// Props of [`OrderForm`].
#[derive(Properties, PartialEq)]
pub struct OrderFormProps {
    /// The shop: currency, country, zones.
    pub shop: ShopView,
    /// Called with the created order.
    /// With, for a cash sale, what was handed over and the change.
    pub on_created: Callback<(OrderDetail, Option<Tendered>)>,
    /// Closes the form.
    pub on_close: Callback<()>,
    /// The last barcode scanned on the till (numbered): its item is added.
    #[prop_or_default]
    pub scan: Option<(u32, String)>,
}

/// The item a scanned code stands for: active, and the newest if two tills
/// gave one code to two items.
fn by_barcode<'a>(items: &'a [Item], code: &str) -> Option<&'a Item> {
    items
        .iter()
        .filter(|i| !i.archived && i.barcode.as_deref() == Some(code))
        .max_by_key(|i| i.updated_at)
}

/// The form panel.
#[function_component]
pub fn OrderForm(props: &OrderFormProps) -> Html {
    let items = use_state(|| None::<Vec<Item>>);
    let scale = use_state(ScaleLabels::default);
    let draft = use_state(|| Draft::new(&props.shop));
    let unknown = use_state(|| None::<String>);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    // Whether this till invoices sales with KRA (eTIMS): then a business
    // buyer's PIN can go on their invoice.
    let invoicing = use_state(|| false);
    let search_ref = use_node_ref();
    {
        let (items, scale, errors, search_ref, invoicing) = (
            items.clone(),
            scale.clone(),
            errors.clone(),
            search_ref.clone(),
            invoicing.clone(),
        );
        use_effect_with((), move |_| {
            focus(&search_ref);
            spawn_local(async move {
                // What this till's scale labels carry, before any scan is read.
                if let Ok(settings) = invoke::<GetPrinterSettings>(&NoArgs {}).await {
                    scale.set(settings.scale_labels);
                }
                if let Ok(tax) = invoke::<GetTaxSettings>(&NoArgs {}).await {
                    invoicing.set(tax.set_up && tax.enabled);
                }
                match invoke::<ListItemsCmd>(&ListItems {
                    include_archived: false,
                })
                .await
                {
                    Ok(list) => items.set(Some(list)),
                    Err(e) => errors.set(FormErrors::banner_only(e.message)),
                }
            });
        });
    }
    let update = {
        let draft = draft.clone();
        Callback::from(move |f: Edit| {
            let mut next = (*draft).clone();
            f(&mut next);
            draft.set(next);
        })
    };
    let submit = submit_callback(props, &draft, &errors, &busy);
    {
        // Each scan once, after the catalogue has arrived.
        let (draft, errors, unknown) = (draft.clone(), errors.clone(), unknown.clone());
        let scale = *scale;
        let done = use_mut_ref(|| 0u32);
        let loaded = items.is_some();
        let items = items.clone();
        use_effect_with((props.scan.clone(), loaded), move |(scan, _)| {
            if let (Some((seq, code)), Some(list)) = (scan, &*items) {
                if *seq > *done.borrow() {
                    *done.borrow_mut() = *seq;
                    let mut next = (*draft).clone();
                    let added = match scanned(list, code, scale) {
                        Scanned::Item(item) => next.cart.add(item, 1).map_err(cart_error),
                        Scanned::Pack(item, weighed) => next
                            .cart
                            .add_weighed(item, code, weighed)
                            .map_err(cart_error),
                        Scanned::Refused(why) => {
                            Err(FormErrors::from_fields(vec![FieldError::new("lines", why)]))
                        }
                        Scanned::Unknown => {
                            unknown.set(Some(code.clone()));
                            return;
                        }
                    };
                    match added {
                        Ok(()) => errors.set(FormErrors::default()),
                        Err(e) => errors.set(e),
                    }
                    draft.set(next);
                    unknown.set(None);
                }
            }
        });
    }
    let items_handle = items.clone();
    let items: &[Item] = items.as_deref().unwrap_or_default();
    let add = {
        let (draft, errors, search_ref) = (draft.clone(), errors.clone(), search_ref.clone());
        Callback::from(move |(item, qty): (Item, u32)| {
            let mut next = (*draft).clone();
            match next.cart.add(&item, qty) {
                Ok(()) => {
                    next.search.clear();
                    next.highlight = 0;
                    errors.set(FormErrors::default());
                }
                Err(e) => errors.set(cart_error(e)),
            }
            draft.set(next);
            focus(&search_ref);
        })
    };
    // An item just given the scanned code: kept in the list and added.
    let on_assigned = {
        let (items_state, draft, errors, unknown) = (
            items_handle.clone(),
            draft.clone(),
            errors.clone(),
            unknown.clone(),
        );
        Callback::from(move |saved: Item| {
            let mut list = (*items_state).clone().unwrap_or_default();
            match list.iter_mut().find(|i| i.id == saved.id) {
                Some(old) => *old = saved.clone(),
                None => list.push(saved.clone()),
            }
            items_state.set(Some(list));
            let mut next = (*draft).clone();
            match next.cart.add(&saved, 1) {
                Ok(()) => errors.set(FormErrors::default()),
                Err(e) => errors.set(cart_error(e)),
            }
            draft.set(next);
            unknown.set(None);
        })
    };
    let onkeydown = {
        let submit = submit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                submit.emit(());
            }
        })
    };
    let on_close = props.on_close.clone();
    html! {
        <section id="order-form" class="detail order-form" {onkeydown} aria-labelledby="order-form-title">
            <header class="detail-header">
                <h2 id="order-form-title">{ t("orderform-title") }</h2>
                <button type="button" id="order-close" class="ghost" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| on_close.emit(())}>
                    { t("orderform-close") }
                </button>
            </header>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            { search_box(&draft, &items_handle, &update, &add, &search_ref) }
            if let Some(code) = &*unknown {
                <UnknownBarcode code={code.clone()} items={items.to_vec()} on_assigned={on_assigned} />
            }
            { field_error(&errors, "lines") }
            <CartLines cart={draft.cart.clone()} items={items.to_vec()} draft={draft.clone()} errors={errors.clone()} />
            { customer_fields(&draft, &update, &errors, sends_to_phone(&draft, items)) }
            { delivery_fields(&draft, &update, &errors, &props.shop) }
            { payment_fields(&draft, &update, &errors, &props.shop, *invoicing) }
            // The total and the button stay in sight at the foot of the
            // pane however long the order (a 1366×768 laptop shows little).
            <div class="order-footer">
                { totals(&draft, &props.shop) }
                <div class="actions">
                    <button type="button" id="order-submit" class="primary big" disabled={*busy}
                        data-key="Ctrl+Enter" aria-keyshortcuts="Control+Enter"
                        onclick={move |_| submit.emit(())}>
                        { t("orderform-create") }
                    </button>
                </div>
            </div>
        </section>
    }
}

/// Validates and sends the form.
fn submit_callback(
    props: &OrderFormProps,
    draft: &UseStateHandle<Draft>,
    errors: &UseStateHandle<FormErrors>,
    busy: &UseStateHandle<bool>,
) -> Callback<()> {
    let (draft, errors, busy) = (draft.clone(), errors.clone(), busy.clone());
    let (country, on_created) = (props.shop.shop.country, props.on_created.clone());
    let shop = props.shop.clone();
    Callback::from(move |_| {
        if *busy {
            return;
        }
        let input = draft.to_input();
        if let Err(fields) = input.validate(country) {
            return errors.set(FormErrors::from_fields(fields));
        }
        let tendered = match (draft.pay, draft_total(&draft, &shop)) {
            (PayChoice::Cash, Ok(total)) => match tender(total, &draft.tendered) {
                Ok(t) => Some(t),
                // The line under the field already says what is due.
                Err(_) => {
                    focus_id("order-tendered");
                    return;
                }
            },
            _ => None,
        };
        errors.set(FormErrors::default());
        busy.set(true);
        let (errors, busy, on_created) = (errors.clone(), busy.clone(), on_created.clone());
        spawn_local(async move {
            match invoke::<CreateManualOrder>(&input).await {
                Ok(detail) => on_created.emit((detail, tendered)),
                Err(err) => errors.set(FormErrors::from_ipc(err, FIELDS)),
            }
            busy.set(false);
        });
    })
}

/// One change to the draft.
type Edit = Box<dyn FnOnce(&mut Draft)>;
/// Applies an [`Edit`].
type Update = Callback<Edit>;
/// Reads one text field of the draft.
type Getter = fn(&Draft) -> &String;
/// Writes one text field of the draft.
type Setter = fn(&mut Draft, String);

fn search_box(
    draft: &UseStateHandle<Draft>,
    catalogue: &UseStateHandle<Option<Vec<Item>>>,
    update: &Update,
    add: &Callback<(Item, u32)>,
    node: &NodeRef,
) -> Html {
    let (qty, needle) = parse_quick(&draft.search);
    let found = matches(catalogue.as_deref().unwrap_or_default(), &needle);
    let oninput = update.reform(|e: InputEvent| {
        let text = input_text(&e);
        Box::new(move |d: &mut Draft| {
            d.search = text;
            d.highlight = 0;
        }) as Edit
    });
    // Keys act on what the field holds when they are pressed, not on what
    // was last drawn: a scanner or a quick clerk types "unga" and Enter
    // before the matches for "unga" are on the screen.
    let onkeydown = {
        let (update, add, draft, catalogue) = (
            update.clone(),
            add.clone(),
            draft.clone(),
            catalogue.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let (qty, needle) = parse_quick(&draft.search);
            let found = matches(catalogue.as_deref().unwrap_or_default(), &needle);
            let last = found.len().saturating_sub(1);
            let step: Option<Edit> = match e.key().as_str() {
                "ArrowDown" => Some(Box::new(move |d| d.highlight = (d.highlight + 1).min(last))),
                "ArrowUp" => Some(Box::new(|d| d.highlight = d.highlight.saturating_sub(1))),
                "Escape" if !draft.search.is_empty() => Some(Box::new(|d| d.search.clear())),
                "Enter" if !(e.ctrl_key() || e.meta_key()) => {
                    if let Some(item) = found.get(draft.highlight) {
                        add.emit(((*item).clone(), qty));
                    }
                    None
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(step) = step {
                update.emit(step);
            }
        })
    };
    let rows = found.iter().enumerate().map(|(i, item)| {
        let (add, clicked) = (add.clone(), (*item).clone());
        let stock = item.stock().map(|s| t_count("orderform-stock-left", s, &[])).unwrap_or_default();
        html! {
            <li key={item.id.to_string()} role="option" data-id={item.id.to_string()}
                class={classes!("match", (i == draft.highlight).then_some("highlighted"))}
                aria-selected={if i == draft.highlight { "true" } else { "false" }}
                onmousedown={move |e: MouseEvent| { e.prevent_default(); add.emit((clicked.clone(), qty)); }}>
                <span class="match-name">{ item.name.clone() }</span>
                <span class="muted">{ stock }</span>
                <span class="num">{ item.price.to_string() }</span>
            </li>
        }
    });
    let hint = if qty > 1 {
        t_args("orderform-enter-adds", &[("qty", &qty.to_string())])
    } else {
        t("orderform-enter-adds-one")
    };
    html! {
        <div class="field item-search">
            <label for="order-item-search">{ t("orderform-add-items") }<span class="muted">{ format!(" · {hint}") }</span></label>
            <input id="order-item-search" ref={node.clone()} type="search" autocomplete="off"
                placeholder={t("orderform-search-placeholder")} value={draft.search.clone()} role="combobox"
                aria-expanded={if found.is_empty() { "false" } else { "true" }} aria-controls="order-item-matches"
                {oninput} {onkeydown} />
            if !found.is_empty() {
                <ul id="order-item-matches" class="matches" role="listbox">{ for rows }</ul>
            } else if !draft.search.trim().is_empty() {
                <div class="matches empty">{ t("orderform-no-match") }</div>
            }
        </div>
    }
}

/// Props of [`CartLines`].
#[derive(Properties, PartialEq)]
struct CartLinesProps {
    cart: Cart,
    items: Vec<Item>,
    draft: UseStateHandle<Draft>,
    errors: UseStateHandle<FormErrors>,
}

/// The cart, each line with −, quantity, + and remove.
#[function_component]
fn CartLines(props: &CartLinesProps) -> Html {
    if props.cart.is_empty() {
        return html! { <p class="cart empty muted">{ t("orderform-no-items") }</p> };
    }
    let change = {
        let (draft, errors, items) = (
            props.draft.clone(),
            props.errors.clone(),
            props.items.clone(),
        );
        Callback::from(move |(index, id, qty): (usize, ItemId, u32)| {
            let mut next = (*draft).clone();
            match set_qty(
                &mut next.cart,
                items.iter().find(|i| i.id == id),
                index,
                qty,
            ) {
                Ok(()) => errors.set(FormErrors::default()),
                Err(e) => errors.set(cart_error(e)),
            }
            draft.set(next);
        })
    };
    let rows = props.cart.lines.iter().enumerate().map(|(index, l)| {
        let (id, qty) = (l.item_id, l.qty);
        let total = l.total().map(|m| m.amount_text()).unwrap_or_default();
        let (less, more, remove, typed) = (change.clone(), change.clone(), change.clone(), change.clone());
        let ontyped = Callback::from(move |e: Event| {
            if let Ok(n) = select_value(&e).trim().parse::<u32>() {
                typed.emit((index, id, n));
            }
        });
        // A weighed pack keeps its label as its key: two packs of one item
        // are two lines.
        let key = l.label.clone().unwrap_or_else(|| id.to_string());
        html! {
            <li {key} class="cart-line" data-id={id.to_string()} data-label={l.label.clone()}>
                <span class="cart-name">{ l.name.clone() }</span>
                if l.label.is_some() {
                    <span class="qty-group muted">{ t("orderform-one-pack") }</span>
                } else {
                    <span class="qty-group">
                        <button type="button" class="qty-btn" aria-label={t_args("orderform-one-less", &[("name", &l.name)])}
                            onclick={move |_| less.emit((index, id, qty.saturating_sub(1)))}>{ "−" }</button>
                        <input class="qty" type="number" min="1" max="999" value={qty.to_string()}
                            aria-label={t_args("orderform-quantity-of", &[("name", &l.name)])} onchange={ontyped} />
                        <button type="button" class="qty-btn" aria-label={t_args("orderform-one-more", &[("name", &l.name)])}
                            onclick={move |_| more.emit((index, id, qty + 1))}>{ "+" }</button>
                    </span>
                }
                <span class="cart-total num">{ total }</span>
                <button type="button" class="remove ghost" aria-label={format!("Remove {}", l.name)}
                    onclick={move |_| remove.emit((index, id, 0))}>{ "×" }</button>
            </li>
        }
    });
    html! { <ul class="cart">{ for rows }</ul> }
}

/// A text input bound to one field of the draft.
fn draft_input(
    draft: &Draft,
    update: &Update,
    errors: &FormErrors,
    (id, label, field): (&'static str, String, &'static str),
    (get, set): (Getter, Setter),
) -> Html {
    let oninput = update.reform(move |e: InputEvent| {
        let text = input_text(&e);
        Box::new(move |d: &mut Draft| set(d, text)) as Edit
    });
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <input {id} type="text" autocomplete="off" value={get(draft).clone()}
                aria-invalid={errors.invalid(field)} {oninput} />
            { field_error(errors, field) }
        </div>
    }
}

/// Whether the cart holds airtime or a bundle: sent to the phone typed,
/// which is then asked for.
fn sends_to_phone(draft: &Draft, items: &[Item]) -> bool {
    draft.cart.lines.iter().any(|l| {
        items
            .iter()
            .any(|i| i.id == l.item_id && matches!(i.kind, ItemKind::Digital(_)))
    })
}

fn customer_fields(draft: &Draft, update: &Update, errors: &FormErrors, sends: bool) -> Html {
    let phone = if sends {
        t("orderform-phone-recipient")
    } else {
        t("orderform-phone")
    };
    html! {
        <div class="field-row">
            { draft_input(draft, update, errors, ("order-phone", phone, "customer_phone"),
                (|d| &d.phone, |d, v| d.phone = v)) }
            { draft_input(draft, update, errors, ("order-name", t("orderform-name"), "customer_name"),
                (|d| &d.name, |d, v| d.name = v)) }
        </div>
    }
}

fn delivery_fields(draft: &Draft, update: &Update, errors: &FormErrors, shop: &ShopView) -> Html {
    let onchange = update.reform(|e: Event| {
        let zone = select_value(&e).parse::<ZoneId>().ok();
        Box::new(move |d: &mut Draft| d.zone = zone) as Edit
    });
    let zones = shop.zones.iter().filter(|z| z.active).map(|z| {
        html! {
            <option value={z.id.to_string()} selected={draft.zone == Some(z.id)}>
                { format!("{} (+{})", z.name, z.fee) }
            </option>
        }
    });
    html! {
        <>
            <div class="field">
                <label for="order-zone">{ t("orderform-pickup-or-delivery") }</label>
                <select id="order-zone" {onchange}>
                    <option value="pickup" selected={draft.zone.is_none()}>{ t("orderform-pickup") }</option>
                    { for zones }
                </select>
                { field_error(errors, "zone_id") }
            </div>
            if draft.zone.is_some() {
                { draft_input(draft, update, errors, ("order-address", t("orderform-address"), "address"),
                    (|d| &d.address, |d, v| d.address = v)) }
            }
        </>
    }
}

fn payment_fields(
    draft: &Draft,
    update: &Update,
    errors: &FormErrors,
    shop: &ShopView,
    invoicing: bool,
) -> Html {
    let onchange = update.reform(|e: Event| {
        let value = select_value(&e);
        let pay = PAY_CHOICES
            .iter()
            .find(|c| c.1 == value)
            .map_or(PayChoice::Unpaid, |c| c.0);
        Box::new(move |d: &mut Draft| d.pay = pay) as Edit
    });
    html! {
        <>
            <div class="field-row">
                <div class="field">
                    <label for="order-payment">{ t("orderform-payment") }</label>
                    <select id="order-payment" {onchange}>
                        { for PAY_CHOICES.iter()
                            // M-Pesa is Kenya's: elsewhere its code is not asked.
                            .filter(|(choice, _, _)| *choice != PayChoice::Mpesa || shop.shop.currency == Currency::KES)
                            .map(|(choice, value, label)| html! {
                                <option value={*value} selected={draft.pay == *choice}>{ t(label) }</option>
                            }) }
                    </select>
                    { field_error(errors, "payment") }
                </div>
                if draft.pay == PayChoice::Mpesa {
                    { draft_input(draft, update, errors, ("order-receipt", t("pay-mpesa-code"), "receipt"),
                        (|d| &d.receipt, |d, v| d.receipt = v)) }
                }
                if draft.pay == PayChoice::Cash {
                    { tendered_field(draft, update, shop) }
                }
            </div>
            // Invoiced when the money is in: a PIN for an order paid later
            // is given from its detail then.
            if invoicing && !matches!(draft.pay, PayChoice::Unpaid | PayChoice::OnDelivery) {
                { draft_input(draft, update, errors,
                    ("order-buyer-pin", t("orderform-buyer-pin"), "buyer_pin"),
                    (|d| &d.buyer_pin, |d, v| d.buyer_pin = v)) }
            }
            { draft_input(draft, update, errors, ("order-note", t("orderform-note"), "note"),
                (|d| &d.note, |d, v| d.note = v)) }
        </>
    }
}

/// "Cash given" for a cash sale, with the change (or what is still due)
/// worked out from what is typed now.
fn tendered_field(draft: &Draft, update: &Update, shop: &ShopView) -> Html {
    let oninput = update.reform(move |e: InputEvent| {
        let text = input_text(&e);
        Box::new(move |d: &mut Draft| d.tendered = text) as Edit
    });
    let line = draft_total(draft, shop)
        .map(|total| change_text(total, &draft.tendered))
        .ok();
    let short = matches!(line, Some(Err(_)));
    html! {
        <div class="field">
            <label for="order-tendered">{ t("orderform-cash-given") }</label>
            <input id="order-tendered" type="text" inputmode="decimal" autocomplete="off"
                value={draft.tendered.clone()} aria-invalid={short.then_some("true")}
                aria-describedby="order-change" {oninput} />
            if let Some(line) = line {
                <p id="order-change" data-field="tendered" role="status"
                    class={classes!("change-line", short.then_some("field-error"), short.then_some("short"))}>
                    { line.unwrap_or_else(|e| e) }
                </p>
            }
        </div>
    }
}

/// The draft's total: its lines and the delivery fee.
fn draft_total(draft: &Draft, shop: &ShopView) -> Result<Money, dukadesk_domain::MoneyError> {
    draft
        .cart
        .subtotal()
        .and_then(|s| s.checked_add(delivery_fee(draft, shop)))
}

fn delivery_fee(draft: &Draft, shop: &ShopView) -> Money {
    draft
        .zone
        .and_then(|id| shop.zones.iter().find(|z| z.id == id))
        .map_or(Money::zero(shop.shop.currency), |z| z.fee)
}

fn totals(draft: &Draft, shop: &ShopView) -> Html {
    let fee = delivery_fee(draft, shop);
    let subtotal = draft.cart.subtotal();
    let total = draft_total(draft, shop);
    let text = |m: Result<Money, _>| {
        m.map(|m| m.to_string())
            .unwrap_or_else(|e: dukadesk_domain::MoneyError| crate::i18n::said(&e))
    };
    html! {
        <dl class="totals">
            <dt>{ t("order-subtotal") }</dt><dd class="num">{ text(subtotal) }</dd>
            if draft.zone.is_some() {
                <dt>{ t("order-delivery-fee") }</dt><dd class="num">{ fee.to_string() }</dd>
            }
            <dt class="total">{ t("order-total") }</dt><dd id="order-form-total" class="num total">{ text(total) }</dd>
        </dl>
    }
}

#[cfg(test)]
mod tests;

/// Props of [`UnknownBarcode`].
#[derive(Properties, PartialEq)]
struct UnknownBarcodeProps {
    code: String,
    items: Vec<Item>,
    /// Called with the item once it carries the code.
    on_assigned: Callback<Item>,
}

/// A scanned code no item has: named, and given to an item that has no
/// code yet in two clicks (the usual case: the item is in the catalogue,
/// its code was never scanned), without leaving the order.
#[function_component]
fn UnknownBarcode(props: &UnknownBarcodeProps) -> Html {
    let chosen = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let candidates: Vec<&Item> = props
        .items
        .iter()
        .filter(|i| !i.archived && i.barcode.is_none())
        .collect();
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(select_value(&e)))
    };
    let onclick = {
        let (chosen, error, busy) = (chosen.clone(), error.clone(), busy.clone());
        let (items, code, on_assigned) = (
            props.items.clone(),
            props.code.clone(),
            props.on_assigned.clone(),
        );
        Callback::from(move |_| {
            let Some(item) = items.iter().find(|i| i.id.to_string() == *chosen) else {
                return error.set(Some(t("orderform-barcode-pick")));
            };
            let req = ItemInput {
                barcode: code.clone(),
                ..ItemInput::from_item(item)
            };
            busy.set(true);
            let (error, busy, on_assigned) = (error.clone(), busy.clone(), on_assigned.clone());
            spawn_local(async move {
                match invoke::<SaveItem>(&req).await {
                    Ok(saved) => {
                        error.set(None);
                        on_assigned.emit(saved);
                    }
                    Err(e) => error.set(Some(e.message)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <div id="order-unknown-barcode" class="unknown-barcode" role="alert">
            <p class="field-error">{ t_args("orderform-barcode-unknown", &[("code", &props.code)]) }</p>
            if candidates.is_empty() {
                <p class="hint">{ t("orderform-barcode-none") }</p>
            } else {
                <div class="field-row">
                    <select id="order-barcode-item" aria-label={t("orderform-barcode-item")} {onchange}>
                        <option value="" selected={chosen.is_empty()}>{ t("orderform-barcode-choose") }</option>
                        { for candidates.iter().map(|i| html! {
                            <option value={i.id.to_string()} selected={*chosen == i.id.to_string()}>{ i.name.clone() }</option>
                        }) }
                    </select>
                    <button type="button" id="order-barcode-assign" disabled={*busy} {onclick}>
                        { t("orderform-barcode-assign") }
                    </button>
                </div>
                <p class="hint">{ t("orderform-barcode-or-new") }</p>
            }
            if let Some(message) = &*error {
                <p class="field-error">{ message.clone() }</p>
            }
        </div>
    }
}
