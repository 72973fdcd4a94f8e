//! The one way the UI talks to the shell: [`invoke`], typed by a
//! [`dukadesk_domain::ipc::Command`]. Components never call the raw
//! `__TAURI__` function.

use dukadesk_domain::ipc::{Command, ErrorCode, IpcError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
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
