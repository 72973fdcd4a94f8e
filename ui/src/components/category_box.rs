//! The catalogue's small categories box: the shelves in menu order and a
//! field to add one (`validate_category_name`, then `SaveCategoryCmd`).

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, FormErrors};
use crate::ipc::invoke;
use dukadesk_domain::catalogue::{validate_category_name, Category};
use dukadesk_domain::ipc::{SaveCategory, SaveCategoryCmd};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`CategoryBox`].
#[derive(Properties, PartialEq)]
pub struct CategoryBoxProps {
    /// Categories, in menu order.
    pub categories: Vec<Category>,
    /// Called with a saved category.
    pub on_saved: Callback<Category>,
}

/// The box.
#[function_component]
pub fn CategoryBox(props: &CategoryBoxProps) -> Html {
    let name = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);

    let onsubmit = {
        let (name, errors, busy, on_saved) = (
            name.clone(),
            errors.clone(),
            busy.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let valid = match validate_category_name(&name) {
                Ok(valid) => valid,
                Err(fields) => return errors.set(FormErrors::from_fields(fields)),
            };
            errors.set(FormErrors::default());
            busy.set(true);
            let (name, errors, busy, on_saved) =
                (name.clone(), errors.clone(), busy.clone(), on_saved.clone());
            spawn_local(async move {
                let req = SaveCategory {
                    id: None,
                    name: valid,
                };
                match invoke::<SaveCategoryCmd>(&req).await {
                    Ok(category) => {
                        name.set(String::new());
                        on_saved.emit(category);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, &["name"])),
                }
                busy.set(false);
            });
        })
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(input_text(&e)))
    };

    html! {
        <section class="card categories" aria-labelledby="categories-title">
            <h2 id="categories-title">{ "Categories" }</h2>
            <ul class="category-list">
                { for props.categories.iter().map(|c| html! {
                    <li key={c.id.to_string()} class="category-chip" data-id={c.id.to_string()}>{ c.name.clone() }</li>
                }) }
                if props.categories.is_empty() {
                    <li class="muted">{ "No categories yet." }</li>
                }
            </ul>
            <form id="category-form" class="inline-form" {onsubmit} novalidate=true>
                <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
                <div class="field">
                    <label for="category-name" class="sr-only">{ "New category" }</label>
                    <input id="category-name" type="text" autocomplete="off" placeholder="New category, e.g. Vegetables"
                        value={(*name).clone()} aria-invalid={errors.invalid("name")} {oninput} />
                    { field_error(&errors, "name") }
                </div>
                <button type="submit" id="category-add" class="secondary" disabled={*busy}>{ "Add" }</button>
            </form>
        </section>
    }
}
