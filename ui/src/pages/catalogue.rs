//! The catalogue: every item with its category, price and stock, an editor
//! for new and existing items, and the categories box.
//!
//! Keys (when no text field has the focus): `n` new item, Escape closes the
//! editor. Clicking a row edits that item.

use crate::components::banner::ErrorBanner;
use crate::components::category_box::CategoryBox;
use crate::components::field::checkbox_checked;
use crate::components::item_editor::ItemEditor;
use crate::components::keyboard::{handled_elsewhere, is_typing, use_keydown};
use crate::i18n::t;
use crate::ipc::invoke;
use dukadesk_domain::catalogue::{Category, DigitalKind, Item, ItemInput, ItemKind};
use dukadesk_domain::ipc::{ListCategories, ListItems, ListItemsCmd, NoArgs};
use dukadesk_domain::Currency;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// What the editor is working on.
#[derive(Debug, Clone, PartialEq)]
struct Editing {
    /// Remounts the editor when another item is picked.
    key: String,
    input: ItemInput,
    archived: Option<bool>,
    /// The item's photo's fingerprint.
    photo: Option<String>,
}

impl Editing {
    fn new_item(serial: u32) -> Self {
        Self {
            key: format!("new-{serial}"),
            input: ItemInput::default(),
            archived: None,
            photo: None,
        }
    }

    fn of(item: &Item) -> Self {
        Self {
            key: item.id.to_string(),
            input: ItemInput::from_item(item),
            archived: Some(item.archived),
            photo: item.photo.clone(),
        }
    }
}

/// Props of [`CataloguePage`].
#[derive(Properties, PartialEq)]
pub struct CataloguePageProps {
    /// The shop's currency.
    pub currency: Currency,
    /// Shows a success toast.
    pub notify: Callback<String>,
}

/// The catalogue screen.
#[function_component]
pub fn CataloguePage(props: &CataloguePageProps) -> Html {
    let items = use_state(Vec::<Item>::new);
    let categories = use_state(Vec::<Category>::new);
    let show_archived = use_state(|| false);
    let editing = use_state(|| None::<Editing>);
    let serial = use_state(|| 0u32);
    let reload = use_state(|| 0u32);
    let error = use_state(|| None::<String>);

    {
        let (items, error) = (items.clone(), error.clone());
        use_effect_with((*show_archived, *reload), move |(include_archived, _)| {
            let req = ListItems {
                include_archived: *include_archived,
            };
            spawn_local(async move {
                match invoke::<ListItemsCmd>(&req).await {
                    Ok(list) => items.set(list),
                    Err(e) => error.set(Some(e.message)),
                }
            });
        });
    }
    {
        let (categories, error) = (categories.clone(), error.clone());
        use_effect_with(*reload, move |_| {
            spawn_local(async move {
                match invoke::<ListCategories>(&NoArgs {}).await {
                    Ok(list) => categories.set(list),
                    Err(e) => error.set(Some(e.message)),
                }
            });
        });
    }

    let new_item = {
        let (editing, serial) = (editing.clone(), serial.clone());
        Callback::from(move |_: ()| {
            serial.set(*serial + 1);
            editing.set(Some(Editing::new_item(*serial + 1)));
        })
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |_: ()| editing.set(None))
    };
    {
        let (new_item, close, editing_open) = (new_item.clone(), close.clone(), editing.is_some());
        use_keydown(Callback::from(move |e: KeyboardEvent| {
            if handled_elsewhere(&e) {
                return;
            }
            match e.key().as_str() {
                "Escape" if editing_open => close.emit(()),
                "n" if !is_typing(&e) => {
                    e.prevent_default();
                    new_item.emit(());
                }
                _ => {}
            }
        }));
    }

    let on_saved = {
        let (editing, reload, notify) = (editing.clone(), reload.clone(), props.notify.clone());
        Callback::from(move |item: Item| {
            notify.emit(if item.archived {
                format!("{} is archived.", item.name)
            } else {
                format!("Saved {}.", item.name)
            });
            editing.set(Some(Editing::of(&item)));
            reload.set(*reload + 1);
        })
    };
    let on_category = {
        let (reload, notify) = (reload.clone(), props.notify.clone());
        Callback::from(move |c: Category| {
            notify.emit(format!("Added category {}.", c.name));
            reload.set(*reload + 1);
        })
    };
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |item: Item| editing.set(Some(Editing::of(&item))))
    };
    let on_show_archived = {
        let show_archived = show_archived.clone();
        Callback::from(move |e: Event| show_archived.set(checkbox_checked(&e)))
    };
    let selected = editing.as_ref().and_then(|ed| ed.input.id);

    html! {
        <div class="catalogue-page two-pane">
            <section class="pane list-pane">
                <div class="toolbar">
                    <h1>{ t("nav-catalogue") }</h1>
                    <label class="check">
                        <input id="show-archived" type="checkbox" checked={*show_archived} onchange={on_show_archived} />
                        { t("catalogue-show-archived") }
                    </label>
                    <button type="button" id="new-item" class="primary" data-key="n" aria-keyshortcuts="N" onclick={move |_| new_item.emit(())}>
                        { t("catalogue-new-item") }
                    </button>
                </div>
                <ErrorBanner message={(*error).clone().map(AttrValue::from)} />
                <ItemTable items={(*items).clone()} categories={(*categories).clone()} {selected} {on_edit} />
            </section>
            <aside class="pane side-pane">
                if let Some(ed) = &*editing {
                    <ItemEditor
                        key={ed.key.clone()}
                        initial={ed.input.clone()}
                        archived={ed.archived}
                        photo={ed.photo.clone()}
                        categories={(*categories).clone()}
                        currency={props.currency}
                        on_saved={on_saved}
                        on_close={close}
                    />
                }
                <CategoryBox categories={(*categories).clone()} on_saved={on_category} />
            </aside>
        </div>
    }
}

/// Props of [`ItemTable`].
#[derive(Properties, PartialEq)]
struct ItemTableProps {
    items: Vec<Item>,
    categories: Vec<Category>,
    selected: Option<dukadesk_domain::ItemId>,
    on_edit: Callback<Item>,
}

/// "12 in stock", "-2 in stock: count it" (tills sold more than was
/// counted, offline), "not counted", or "digital".
fn stock_text(kind: &ItemKind) -> String {
    match kind {
        ItemKind::Physical { stock: Some(n) } if *n < 0 => format!("{n} in stock: count it"),
        ItemKind::Physical { stock: Some(n) } => format!("{n} in stock"),
        ItemKind::Physical { stock: None } => "not counted".into(),
        ItemKind::Digital(_) => "digital".into(),
    }
}

fn kind_title(kind: &ItemKind) -> String {
    match kind {
        ItemKind::Physical { .. } => "Physical goods".into(),
        ItemKind::Digital(DigitalKind::Airtime) => "Airtime".into(),
        ItemKind::Digital(DigitalKind::DataBundle {
            megabytes,
            validity_days,
        }) => format!("Data bundle: {megabytes} MB for {validity_days} days"),
    }
}

/// The items table.
#[function_component]
fn ItemTable(props: &ItemTableProps) -> Html {
    if props.items.is_empty() {
        return html! {
            <div class="item-list empty">
                { t("catalogue-empty-press") }{ " " }<kbd>{ "n" }</kbd>{ " " }{ t("catalogue-empty-to-add") }
            </div>
        };
    }
    let category_name = |item: &Item| {
        item.category_id
            .and_then(|id| props.categories.iter().find(|c| c.id == id))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let rows = props.items.iter().map(|item| {
        let on_edit = props.on_edit.clone();
        let clicked = item.clone();
        let selected = props.selected == Some(item.id);
        html! {
            <tr key={item.id.to_string()} data-id={item.id.to_string()}
                class={classes!("item-row", item.archived.then_some("archived"), selected.then_some("selected"))}
                onclick={move |_| on_edit.emit(clicked.clone())}>
                <td class="item-name">
                    <span class="item-thumb">
                        if let Some(src) = item.photo.as_deref().and_then(|p| crate::ipc::photo_url(item.id, p, true)) {
                            <img {src} alt="" loading="lazy" />
                        }
                    </span>
                    { item.name.clone() }
                    if item.archived { <span class="badge archived">{ t("catalogue-archived") }</span> }
                </td>
                <td class="item-category">{ category_name(item) }</td>
                <td class="item-price num">{ item.price.to_string() }</td>
                <td class={classes!("item-stock", matches!(item.kind, ItemKind::Digital(_)).then_some("digital"))}
                    title={kind_title(&item.kind)}>
                    { stock_text(&item.kind) }
                    if item.is_low() { <span class="low-stock-badge">{ t("catalogue-low") }</span> }
                </td>
            </tr>
        }
    });
    html! {
        <table class="item-list items-table">
            <thead>
                <tr><th>{ t("catalogue-col-name") }</th><th>{ t("catalogue-col-category") }</th><th class="num">{ t("catalogue-col-price") }</th><th>{ t("catalogue-col-stock") }</th></tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
