//! The till's low-stock strip: counted items at or below their warning
//! level (`Item::is_low`, listed by the store), named with what is left,
//! read again whenever the till refreshes.

use crate::ipc::invoke;
use dukadesk_domain::catalogue::Item;
use dukadesk_domain::ipc::{ListLowStock, NoArgs};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`LowStockStrip`].
#[derive(Properties, PartialEq)]
pub struct LowStockProps {
    /// Changes whenever the till reloads (sales take stock).
    pub refresh: u32,
    /// Opens the catalogue.
    pub on_open: Callback<()>,
}

/// What the strip says; `None` when nothing is low.
pub fn low_text(items: &[Item]) -> Option<String> {
    let low: Vec<String> = items
        .iter()
        .filter(|i| i.is_low())
        .map(|i| format!("{} ({} left)", i.name, i.stock().unwrap_or(0).max(0)))
        .collect();
    match low.len() {
        0 => None,
        1 => Some(format!("Running low: {}", low[0])),
        n => Some(format!("{n} items running low: {}", low.join(", "))),
    }
}

/// The strip, or nothing.
#[function_component]
pub fn LowStockStrip(props: &LowStockProps) -> Html {
    let items = use_state(Vec::<Item>::new);
    {
        let items = items.clone();
        use_effect_with(props.refresh, move |_| {
            spawn_local(async move {
                if let Ok(list) = invoke::<ListLowStock>(&NoArgs {}).await {
                    items.set(list);
                }
            });
        });
    }
    let Some(text) = low_text(&items) else {
        return Html::default();
    };
    let on_open = props.on_open.clone();
    html! {
        <div id="low-stock" class="low-stock-strip" role="status">
            <span>{ text }</span>
            <button type="button" class="ghost small" onclick={move |_| on_open.emit(())}>{ "Catalogue" }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::low_text;
    use dukadesk_domain::catalogue::{Item, ItemKind};
    use dukadesk_domain::{Currency, ItemId, Money};

    fn item(name: &str, stock: Option<i64>, low: Option<i64>) -> Item {
        Item {
            id: ItemId(uuid::Uuid::nil()),
            name: name.into(),
            description: String::new(),
            price: Money::from_major(10, Currency::KES),
            category_id: None,
            kind: ItemKind::Physical { stock },
            archived: false,
            barcode: None,
            low_stock: low,
            aliases: Vec::new(),
            photo: None,
            tax_band: None,
            tax_class: None,
            updated_at: Default::default(),
        }
    }

    #[test]
    fn the_strip_names_what_runs_low_and_what_is_left() {
        assert_eq!(low_text(&[item("Unga", Some(9), Some(3))]), None);
        assert_eq!(
            low_text(&[item("Unga", Some(2), Some(3)), item("Mkate", None, None)]).as_deref(),
            Some("Running low: Unga (2 left)")
        );
        assert_eq!(
            low_text(&[
                item("Unga", Some(2), Some(3)),
                item("Sukari", Some(-1), Some(0))
            ])
            .as_deref(),
            Some("2 items running low: Unga (2 left), Sukari (0 left)")
        );
    }
}
