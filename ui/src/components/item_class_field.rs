//! The item editor's KRA item classification: the ten digits KRA
//! registers the item under, or empty for the shop's (Settings → Tax).
//! Staff type what the item is ("bread") or the first digits of a code,
//! and pick from KRA's list as this till keeps it (`FindItemClasses`); a
//! code typed whole shows KRA's name for it.

use crate::components::field::input_text;
use crate::i18n::t;
use crate::ipc::invoke;
use dukadesk_domain::ipc::{FindItemClasses, ItemClassQuery, ItemClassView};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// What the field shows and says.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The code as typed.
    pub value: String,
    /// A new value (typed or picked).
    pub on_change: Callback<String>,
    /// The field's error, if any.
    pub error: Option<AttrValue>,
}

#[function_component(ItemClassField)]
pub fn item_class_field(props: &Props) -> Html {
    let found = use_state(Vec::<ItemClassView>::new);
    // Answers come back in any order: only the latest question's counts.
    let asked = use_mut_ref(|| 0u64);
    {
        let (found, asked) = (found.clone(), asked.clone());
        use_effect_with(props.value.clone(), move |typed| {
            let query = typed.trim().to_owned();
            *asked.borrow_mut() += 1;
            let mine = *asked.borrow();
            if query.chars().count() < 2 {
                found.set(Vec::new());
            } else {
                spawn_local(async move {
                    let list = invoke::<FindItemClasses>(&ItemClassQuery { query })
                        .await
                        .unwrap_or_default();
                    if *asked.borrow() == mine {
                        found.set(list);
                    }
                });
            }
        });
    }
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| on_change.emit(input_text(&e)))
    };
    let whole = dukadesk_domain::tax::check_item_class(&props.value).ok();
    // A whole code: KRA's name for it, if listed; else what matches.
    let named = whole
        .as_ref()
        .and_then(|code| found.iter().find(|c| &c.code == code));
    let below = match named {
        Some(class) => html! {
            <div id="item-tax-class-name" class="hint">{ class.name.clone() }</div>
        },
        None if props.value.trim().is_empty() => Html::default(),
        None => html! {
            <div id="item-tax-class-found" class="chips" role="listbox">
                { for found.iter().map(|class| {
                    let on_change = props.on_change.clone();
                    let code = class.code.clone();
                    let onclick = Callback::from(move |_| on_change.emit(code.clone()));
                    html! {
                        <button type="button" class="chip" role="option" data-code={class.code.clone()} {onclick}>
                            { format!("{} · {}", class.name, class.code) }
                        </button>
                    }
                }) }
            </div>
        },
    };
    html! {
        <div class="field">
            <label for="item-tax-class">{ t("item-tax-class") }</label>
            <input id="item-tax-class" type="text" autocomplete="off" inputmode="search"
                placeholder={t("item-tax-class-hint")}
                value={props.value.clone()} aria-invalid={props.error.as_ref().map(|_| "true")}
                {oninput} />
            { below }
            if let Some(message) = props.error.clone() {
                <div class="field-error" data-field="tax_class" role="alert">{ message }</div>
            }
        </div>
    }
}
