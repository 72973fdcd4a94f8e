//! The catalogue's item editor: name, description, price, kind (physical
//! with optional stock, airtime, or a data bundle with size and validity),
//! category, the KRA tax band and item classification (or the shop's;
//! shown to a Kenyan shop only), and a photo. Checked
//! with `ItemInput::validate` before `SaveItem`; a photo picked or removed
//! goes with the same Save
//! (`SetItemPhotoCmd`, `RemoveItemPhoto`), after the item itself; an
//! existing item can also be archived or restored.

use crate::components::banner::ErrorBanner;
use crate::components::field::{field_error, input_text, select_value, FormErrors};
use crate::components::item_class_field::ItemClassField;
use crate::components::tax_settings::{band_of, band_options, band_value};
use crate::i18n::{t, t_args};
use crate::ipc::{invoke, photo_url};
use base64::Engine;
use dukadesk_domain::catalogue::{Category, Item, ItemInput, ItemKindChoice};
use dukadesk_domain::ipc::{
    FieldError, IpcError, ItemRef, RemoveItemPhoto, SaveItem, SetArchived, SetItemArchived,
    SetItemPhoto, SetItemPhotoCmd,
};
use dukadesk_domain::{CategoryId, Currency};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// Fields this form shows errors for.
const FIELDS: &[&str] = &[
    "name",
    "description",
    "price",
    "kind",
    "stock",
    "megabytes",
    "validity_days",
    "category_id",
    "barcode",
    "low_stock",
    "aliases",
    "photo",
    "tax_band",
    "tax_class",
];

/// The largest picture file the form sends (the shell says the same).
const MAX_PHOTO_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// The photo as the form holds it until Save.
#[derive(Debug, Clone, PartialEq, Default)]
enum PhotoChoice {
    /// As the item has it.
    #[default]
    Keep,
    /// A file picked here: its bytes (base64) and a preview address.
    Picked { base64: String, preview: String },
    /// Take the item's photo away.
    Remove,
}

/// The kinds and their `#item-kind` values.
const KINDS: [(ItemKindChoice, &str); 3] = [
    (ItemKindChoice::Physical, "physical"),
    (ItemKindChoice::Airtime, "airtime"),
    (ItemKindChoice::DataBundle, "bundle"),
];

/// What `#item-kind`'s option for `kind` says.
fn kind_label(kind: ItemKindChoice) -> String {
    match kind {
        ItemKindChoice::Physical => t("item-kind-physical"),
        ItemKindChoice::Airtime => t("item-kind-airtime"),
        ItemKindChoice::DataBundle => t("item-kind-bundle"),
    }
}

/// Props of [`ItemEditor`].
#[derive(Properties, PartialEq)]
pub struct ItemEditorProps {
    /// The values to start from (`id` is `None` for a new item).
    pub initial: ItemInput,
    /// Whether the edited item is archived (`None` for a new item).
    pub archived: Option<bool>,
    /// The item's photo's fingerprint, when it has one.
    #[prop_or_default]
    pub photo: Option<String>,
    /// Categories for the select.
    pub categories: Vec<Category>,
    /// The shop's currency.
    pub currency: Currency,
    /// Called with the saved item.
    pub on_saved: Callback<Item>,
    /// Called when the editor should close.
    pub on_close: Callback<()>,
}

/// The editor.
#[function_component]
pub fn ItemEditor(props: &ItemEditorProps) -> Html {
    let input = use_state(|| props.initial.clone());
    let errors = use_state(FormErrors::default);
    let busy = use_state(|| false);
    let photo = use_state(PhotoChoice::default);
    let name_ref = use_node_ref();
    {
        let name_ref = name_ref.clone();
        use_effect_with((), move |_| crate::components::keyboard::focus(&name_ref));
    }

    let onsubmit = {
        let (input, errors, busy) = (input.clone(), errors.clone(), busy.clone());
        let photo = photo.clone();
        let (currency, on_saved) = (props.currency, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(fields) = input.validate(currency) {
                errors.set(FormErrors::from_fields(fields));
                return;
            }
            errors.set(FormErrors::default());
            busy.set(true);
            let req = (*input).clone();
            let choice = (*photo).clone();
            let (errors, busy, on_saved) = (errors.clone(), busy.clone(), on_saved.clone());
            let (input, photo) = (input.clone(), photo.clone());
            spawn_local(async move {
                let saved = match invoke::<SaveItem>(&req).await {
                    Ok(item) => item,
                    Err(err) => {
                        errors.set(FormErrors::from_ipc(err, FIELDS));
                        busy.set(false);
                        return;
                    }
                };
                // The item is saved: a second Save edits it, whatever the
                // photo's fate.
                let mut now = req;
                now.id = Some(saved.id);
                input.set(now);
                match save_photo(saved, choice).await {
                    Ok(item) => {
                        photo.set(PhotoChoice::Keep);
                        on_saved.emit(item);
                    }
                    Err(err) => errors.set(FormErrors::from_ipc(err, FIELDS)),
                }
                busy.set(false);
            });
        })
    };
    let archive_button = match (input.id, props.archived) {
        (Some(id), Some(archived)) => {
            let disabled = *busy;
            let (errors, busy, on_saved) = (errors.clone(), busy.clone(), props.on_saved.clone());
            let onclick = Callback::from(move |_| {
                busy.set(true);
                let (errors, busy, on_saved) = (errors.clone(), busy.clone(), on_saved.clone());
                spawn_local(async move {
                    let req = SetArchived {
                        id,
                        archived: !archived,
                    };
                    match invoke::<SetItemArchived>(&req).await {
                        Ok(item) => on_saved.emit(item),
                        Err(err) => errors.set(FormErrors::from_ipc(err, FIELDS)),
                    }
                    busy.set(false);
                });
            });
            html! {
                <button type="button" id="item-archive" class="secondary" {disabled} {onclick}>
                    { if archived { t("item-restore") } else { t("item-archive") } }
                </button>
            }
        }
        _ => Html::default(),
    };
    let on_close = props.on_close.clone();
    let title = if input.id.is_some() {
        t("item-title-edit")
    } else {
        t("item-title-new")
    };

    html! {
        <form id="item-form" class="card form item-form" {onsubmit} novalidate=true>
            <h2>{ title }</h2>
            <ErrorBanner message={errors.banner().map(|m| AttrValue::from(m.to_owned()))} />
            { TextField::new("item-name", t("item-name"), "name", |i| &i.name, |i, v| i.name = v).view(&input, &errors, name_ref.clone()) }
            <div class="field-row">
                { TextField::new("item-description", t("item-description"), "description", |i| &i.description, |i, v| i.description = v).view(&input, &errors, NodeRef::default()) }
                { TextField::new("item-aliases", t("item-aliases"), "aliases", |i| &i.aliases, |i, v| i.aliases = v).view(&input, &errors, NodeRef::default()) }
            </div>
            <div class="field-row">
                { TextField::new("item-price", t_args("item-price", &[("currency", props.currency.code())]), "price", |i| &i.price, |i, v| i.price = v).view(&input, &errors, NodeRef::default()) }
                { kind_select(&input) }
            </div>
            { kind_fields(&input, &errors) }
            <div class="field-row">
                { category_select(&input, &errors, &props.categories) }
                // KRA's band and class mean something to a Kenyan shop only.
                if props.currency == Currency::KES {
                    { tax_band_select(&input, &errors) }
                    { tax_class_field(&input, &errors) }
                }
            </div>
            { photo_field(&photo, input.id.zip(props.photo.clone()), &errors) }
            <div class="actions">
                <button type="submit" id="item-save" class="primary" disabled={*busy}>{ t("item-save") }</button>
                { archive_button }
                <button type="button" id="item-cancel" class="ghost" data-key="Esc" aria-keyshortcuts="Escape"
                    onclick={move |_| on_close.emit(())}>
                    { t("item-close") }
                </button>
            </div>
        </form>
    }
}

/// Sends the photo picked or removed, once the item is saved.
async fn save_photo(item: Item, choice: PhotoChoice) -> Result<Item, IpcError> {
    match choice {
        PhotoChoice::Keep => Ok(item),
        PhotoChoice::Picked { base64, .. } => {
            invoke::<SetItemPhotoCmd>(&SetItemPhoto {
                id: item.id,
                file_base64: base64,
            })
            .await
        }
        PhotoChoice::Remove if item.photo.is_some() => {
            invoke::<RemoveItemPhoto>(&ItemRef { id: item.id }).await
        }
        PhotoChoice::Remove => Ok(item),
    }
}

/// A message beside the photo field.
fn photo_error(message: &str) -> FormErrors {
    FormErrors::from_fields(vec![FieldError::new("photo", message)])
}

/// Reads the file picked in `<input type=file>` into the form's state.
fn on_photo_picked(
    photo: UseStateHandle<PhotoChoice>,
    errors: UseStateHandle<FormErrors>,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(file) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        if file.size() > MAX_PHOTO_BYTES {
            errors.set(photo_error(&t("item-photo-too-large")));
            return;
        }
        let (photo, errors) = (photo.clone(), errors.clone());
        spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    errors.set(photo_error(&t("item-photo-unreadable")));
                    return;
                }
            };
            if let PhotoChoice::Picked { preview, .. } = &*photo {
                let _ = web_sys::Url::revoke_object_url(preview);
            }
            let preview = web_sys::Url::create_object_url_with_blob(&file).unwrap_or_default();
            errors.set(FormErrors::default());
            photo.set(PhotoChoice::Picked {
                base64: base64::engine::general_purpose::STANDARD.encode(bytes),
                preview,
            });
        });
    })
}

/// The photo: what the customer will see, a file to pick, and a way to
/// take it away. `saved` is the item's id and its photo's fingerprint.
fn photo_field(
    photo: &UseStateHandle<PhotoChoice>,
    saved: Option<(dukadesk_domain::ItemId, String)>,
    errors: &UseStateHandle<FormErrors>,
) -> Html {
    let shown = match &**photo {
        PhotoChoice::Picked { preview, .. } => Some(preview.clone()),
        PhotoChoice::Remove => None,
        PhotoChoice::Keep => saved
            .as_ref()
            .and_then(|(id, print)| photo_url(*id, print, false)),
    };
    let onchange = on_photo_picked(photo.clone(), errors.clone());
    let remove = {
        let photo = photo.clone();
        Callback::from(move |_: MouseEvent| photo.set(PhotoChoice::Remove))
    };
    let has = shown.is_some();
    html! {
        <div class="field photo-field">
            <label for="item-photo-file">{ t("item-photo") }</label>
            <div class="photo-row">
                if let Some(src) = shown {
                    <img id="item-photo-preview" class="photo-preview" {src} alt={t("item-photo-alt")} />
                } else {
                    <div id="item-photo-none" class="photo-preview none">{ t("item-no-photo") }</div>
                }
                <div class="photo-actions">
                    <input id="item-photo-file" type="file" accept="image/jpeg,image/png,image/webp"
                        aria-invalid={errors.invalid("photo")} {onchange} />
                    if has {
                        <button type="button" id="item-photo-remove" class="ghost" onclick={remove}>
                            { t("item-remove-photo") }
                        </button>
                    }
                    <small class="hint">{ t("item-photo-hint") }</small>
                </div>
            </div>
            { field_error(errors, "photo") }
        </div>
    }
}

/// A labelled text input bound to one field of [`ItemInput`].
struct TextField {
    id: &'static str,
    label: String,
    field: &'static str,
    get: fn(&ItemInput) -> &String,
    set: fn(&mut ItemInput, String),
}

impl TextField {
    fn new(
        id: &'static str,
        label: impl Into<String>,
        field: &'static str,
        get: fn(&ItemInput) -> &String,
        set: fn(&mut ItemInput, String),
    ) -> Self {
        let label = label.into();
        Self {
            id,
            label,
            field,
            get,
            set,
        }
    }

    fn view(self, input: &UseStateHandle<ItemInput>, errors: &FormErrors, node: NodeRef) -> Html {
        let (state, set) = (input.clone(), self.set);
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*state).clone();
            set(&mut next, input_text(&e));
            state.set(next);
        });
        html! {
            <div class="field">
                <label for={self.id}>{ self.label }</label>
                <input id={self.id} ref={node} type="text" autocomplete="off"
                    value={(self.get)(input).clone()} aria-invalid={errors.invalid(self.field)} {oninput} />
                { field_error(errors, self.field) }
            </div>
        }
    }
}

fn kind_select(input: &UseStateHandle<ItemInput>) -> Html {
    let state = input.clone();
    let onchange = Callback::from(move |e: Event| {
        let value = select_value(&e);
        if let Some((kind, _)) = KINDS.iter().find(|k| k.1 == value) {
            let mut next = (*state).clone();
            next.kind = *kind;
            state.set(next);
        }
    });
    html! {
        <div class="field">
            <label for="item-kind">{ t("item-kind") }</label>
            <select id="item-kind" {onchange}>
                { for KINDS.iter().map(|(kind, value)| html! {
                    <option value={*value} selected={*kind == input.kind}>{ kind_label(*kind) }</option>
                }) }
            </select>
        </div>
    }
}

/// Stock for physical goods; size and validity for bundles; nothing for airtime.
fn kind_fields(input: &UseStateHandle<ItemInput>, errors: &FormErrors) -> Html {
    match input.kind {
        ItemKindChoice::Physical => html! {
            <>
                <div class="field-row">
                    { TextField::new("item-stock", t("item-stock"), "stock", |i| &i.stock, |i, v| i.stock = v).view(input, errors, NodeRef::default()) }
                    { TextField::new("item-low-stock", t("item-low-stock"), "low_stock", |i| &i.low_stock, |i, v| i.low_stock = v).view(input, errors, NodeRef::default()) }
                </div>
                { TextField::new("item-barcode", t("item-barcode"), "barcode", |i| &i.barcode, |i, v| i.barcode = v).view(input, errors, NodeRef::default()) }
            </>
        },
        ItemKindChoice::Airtime => html! {
            <p class="hint">{ t("item-airtime-hint") }</p>
        },
        ItemKindChoice::DataBundle => html! {
            <div class="field-row">
                { TextField::new("item-megabytes", t("item-megabytes"), "megabytes", |i| &i.megabytes, |i, v| i.megabytes = v).view(input, errors, NodeRef::default()) }
                { TextField::new("item-validity", t("item-validity"), "validity_days", |i| &i.validity_days, |i, v| i.validity_days = v).view(input, errors, NodeRef::default()) }
            </div>
        },
    }
}

fn category_select(
    input: &UseStateHandle<ItemInput>,
    errors: &FormErrors,
    categories: &[Category],
) -> Html {
    let state = input.clone();
    let onchange = Callback::from(move |e: Event| {
        let mut next = (*state).clone();
        next.category_id = select_value(&e).parse::<CategoryId>().ok();
        state.set(next);
    });
    html! {
        <div class="field">
            <label for="item-category">{ t("item-category") }</label>
            <select id="item-category" {onchange}>
                <option value="" selected={input.category_id.is_none()}>{ t("item-no-category") }</option>
                { for categories.iter().map(|c| html! {
                    <option value={c.id.to_string()} selected={input.category_id == Some(c.id)}>
                        { c.name.clone() }
                    </option>
                }) }
            </select>
            { field_error(errors, "category_id") }
        </div>
    }
}

/// The item's KRA item classification, or the shop's.
fn tax_class_field(input: &UseStateHandle<ItemInput>, errors: &FormErrors) -> Html {
    let state = input.clone();
    let on_change = Callback::from(move |code: String| {
        let mut next = (*state).clone();
        next.tax_class = code;
        state.set(next);
    });
    let error = errors
        .field("tax_class")
        .map(|m| AttrValue::from(m.to_owned()));
    html! { <ItemClassField value={input.tax_class.clone()} {on_change} {error} /> }
}

/// The item's KRA tax band, or the shop's default (Settings → Tax).
fn tax_band_select(input: &UseStateHandle<ItemInput>, errors: &FormErrors) -> Html {
    let state = input.clone();
    let onchange = Callback::from(move |e: Event| {
        let mut next = (*state).clone();
        next.tax_band = band_of(&select_value(&e));
        state.set(next);
    });
    let chosen = band_value(input.tax_band);
    html! {
        <div class="field">
            <label for="item-tax-band">{ t("item-tax-band") }</label>
            <select id="item-tax-band" aria-invalid={errors.invalid("tax_band")} {onchange}>
                { for band_options(t("item-tax-band-default")).into_iter().map(|(value, label)| {
                    let selected = value == chosen;
                    html! { <option {value} {selected}>{ label }</option> }
                }) }
            </select>
            { field_error(errors, "tax_band") }
        </div>
    }
}
