//! The one way the UI talks to the shell: [`invoke`], typed by a
//! [`dukadesk_domain::ipc::Command`], and [`listen`], typed by a
//! [`dukadesk_domain::ipc::Event`]. Components never call the raw
//! `__TAURI__` functions.

use dukadesk_domain::ipc::{Command, ErrorCode, Event, IpcError};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
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

/// Calls command `C` with `req`.
pub async fn invoke<C: Command>(req: &C::Req) -> Result<C::Resp, IpcError> {
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
            serde_wasm_bindgen::from_value::<IpcError>(err.clone()).unwrap_or_else(|_| {
                IpcError::new(
                    ErrorCode::Internal,
                    err.as_string().unwrap_or_else(|| {
                        "The app did not answer. Restart DukaDesk and try again.".into()
                    }),
                )
            }),
        ),
    }
}
