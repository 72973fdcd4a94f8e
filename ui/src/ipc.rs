//! The one way the UI talks to the shell: [`invoke`], typed by a
//! [`dukadesk_domain::ipc::Command`], and [`listen`], typed by a
//! [`dukadesk_domain::ipc::Event`]. Components never call the raw
//! `__TAURI__` functions.
//!
//! When the shell answers `OwnerRequired`, [`invoke`] asks for the owner
//! password (through the prompt the app registered with
//! [`set_owner_prompt`]) and, once it is confirmed, sends the same command
//! again; a cancelled prompt returns the original error.

use dukadesk_domain::ipc::{Command, ErrorCode, Event, IpcError, NoArgs};
use serde::Serialize;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{Callback, MouseEvent, UseStateHandle};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = convertFileSrc)]
    fn tauri_convert_file_src(path: &str, protocol: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// The address of an item's photo for an `<img>` (`thumb`: the small
/// copy), served by the shell's `photo` scheme (`photo://localhost/…`, or
/// `http://photo.localhost/…` on Windows, as Tauri's `convertFileSrc`
/// knows); `None` when the item has no photo. The photo's fingerprint is
/// in the address, so a new photo is a new address.
pub fn photo_url(item: dukadesk_domain::ItemId, fingerprint: &str, thumb: bool) -> Option<String> {
    let size = if thumb { "thumb" } else { "full" };
    tauri_convert_file_src(&format!("{item}_{size}_{fingerprint}"), "photo")
        .ok()?
        .as_string()
}

/// A subscription to one shell event; dropping it stops listening.
pub struct Listener {
    unlisten: Option<js_sys::Function>,
    _handler: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(unlisten) = &self.unlisten {
            let _ = unlisten.call0(&JsValue::NULL);
        }
    }
}

/// Calls `on` with each payload of event `E` sent to this window, until
/// the returned [`Listener`] is dropped.
pub async fn listen<E: Event>(on: impl Fn(E::Payload) + 'static) -> Result<Listener, IpcError> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let payload = js_sys::Reflect::get(&event, &JsValue::from_str("payload"))
            .unwrap_or(JsValue::UNDEFINED);
        if let Ok(payload) = serde_wasm_bindgen::from_value::<E::Payload>(payload) {
            on(payload);
        }
    });
    let unlisten = tauri_listen(E::NAME, &handler).await.map_err(|e| {
        IpcError::new(
            ErrorCode::Internal,
            e.as_string()
                .unwrap_or_else(|| "This window cannot follow the app's progress.".into()),
        )
    })?;
    Ok(Listener {
        unlisten: unlisten.dyn_into::<js_sys::Function>().ok(),
        _handler: handler,
    })
}

#[derive(Serialize)]
struct Args<'a, T> {
    req: &'a T,
}

/// The answer the owner prompt gives a waiting command: `true` once the
/// password was confirmed, `false` when cancelled.
#[derive(Clone, Default)]
struct OwnerAnswer(Rc<RefCell<(Option<bool>, Option<Waker>)>>);

impl OwnerAnswer {
    fn answer(&self, confirmed: bool) {
        let waker = {
            let mut slot = self.0.borrow_mut();
            slot.0 = Some(confirmed);
            slot.1.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
}

impl Future for OwnerAnswer {
    type Output = bool;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        let mut slot = self.0.borrow_mut();
        match slot.0 {
            Some(confirmed) => Poll::Ready(confirmed),
            None => {
                slot.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

thread_local! {
    static OWNER_PROMPT: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
    /// Commands waiting for the prompt's answer (one prompt serves all).
    static WAITING: RefCell<Vec<OwnerAnswer>> = const { RefCell::new(Vec::new()) };
}

/// Registers the owner-password prompt (the app root does, once): called
/// to show it.
pub fn set_owner_prompt(prompt: Callback<()>) {
    OWNER_PROMPT.with(|p| *p.borrow_mut() = Some(prompt));
}

/// The prompt's answer for every waiting command: `true` once the owner
/// password was confirmed (they are sent again), `false` when cancelled.
pub fn answer_owner_prompt(confirmed: bool) {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for answer in waiting {
        answer.answer(confirmed);
    }
}

/// Calls command `C` with `req`; asks for the owner password and tries
/// again when the command is for the owner only.
pub async fn invoke<C: Command>(req: &C::Req) -> Result<C::Resp, IpcError> {
    match invoke_once::<C>(req).await {
        Err(e) if e.code == ErrorCode::OwnerRequired => {
            let prompt = OWNER_PROMPT.with(|p| p.borrow().clone());
            let Some(prompt) = prompt else {
                return Err(e);
            };
            let answer = OwnerAnswer::default();
            let first = WAITING.with(|w| {
                let mut w = w.borrow_mut();
                w.push(answer.clone());
                w.len() == 1
            });
            if first {
                prompt.emit(());
            }
            if answer.await {
                invoke_once::<C>(req).await
            } else {
                Err(e)
            }
        }
        other => other,
    }
}

/// Calls command `C` with `req`, once.
async fn invoke_once<C: Command>(req: &C::Req) -> Result<C::Resp, IpcError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = Args { req }.serialize(&serializer).map_err(|e| {
        IpcError::new(
            ErrorCode::Internal,
            format!("Could not send the request: {e}"),
        )
    })?;
    match tauri_invoke(C::NAME, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| {
            IpcError::new(
                ErrorCode::Internal,
                format!("Unexpected reply from the app: {e}"),
            )
        }),
        Err(err) => Err(
            serde_wasm_bindgen::from_value::<IpcError>(err.clone()).map_or_else(
                |_| {
                    IpcError::new(
                        ErrorCode::Internal,
                        err.as_string().unwrap_or_else(|| {
                            "The app did not answer. Restart DukaDesk and try again.".into()
                        }),
                    )
                },
                crate::i18n::localize,
            ),
        ),
    }
}

/// A button's click that opens a window with command `C` (asking for the
/// owner password when needed): a refusal is put in `error`, which is
/// cleared once the window opens.
pub fn open_window<C: Command<Req = NoArgs>>(
    error: UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let error = error.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match invoke::<C>(&NoArgs {}).await {
                Ok(_) => error.set(None),
                Err(e) => error.set(Some(e.message)),
            }
        });
    })
}
