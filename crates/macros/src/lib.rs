//! `#[ipc(Command)]` on a shell command checks, when the shell compiles,
//! that the function is the one `dukadesk_domain::ipc` declares: its name
//! is the command's `NAME`, its `req` argument is the command's `Req` and
//! it returns `Result<Resp, IpcError>`. The UI calls commands through the
//! same declarations, so the two ends cannot drift apart.
//!
//! The function itself is left as written (other attributes, such as
//! `#[tauri::command]`, still apply). Next to it the macro emits a constant
//! that only compiles if the three match:
//!
//! ```
//! use dukadesk_domain::ipc::{GetShop, IpcError, NoArgs, ShopView};
//!
//! #[dukadesk_macros::ipc(GetShop)]
//! async fn get_shop(req: NoArgs) -> Result<Option<ShopView>, IpcError> {
//!     let _ = req;
//!     Ok(None)
//! }
//! ```
//!
//! A result that is not the declared one is refused:
//!
//! ```compile_fail,E0308
//! use dukadesk_domain::ipc::{GetShop, IpcError, NoArgs};
//!
//! #[dukadesk_macros::ipc(GetShop)]
//! async fn get_shop(req: NoArgs) -> Result<String, IpcError> {
//!     let _ = req;
//!     Ok(String::new())
//! }
//! ```
//!
//! So is an argument that is not the declared one:
//!
//! ```compile_fail,E0308
//! use dukadesk_domain::ipc::{GetShop, IpcError, ShopView};
//! use dukadesk_domain::shop::ShopInput;
//!
//! #[dukadesk_macros::ipc(GetShop)]
//! async fn get_shop(req: ShopInput) -> Result<Option<ShopView>, IpcError> {
//!     let _ = req;
//!     Ok(None)
//! }
//! ```
//!
//! And a function whose name is not the command's (the UI would call a
//! command no one answers):
//!
//! ```compile_fail,E0080
//! use dukadesk_domain::ipc::{GetShop, IpcError, NoArgs, ShopView};
//!
//! #[dukadesk_macros::ipc(GetShop)]
//! async fn fetch_shop(req: NoArgs) -> Result<Option<ShopView>, IpcError> {
//!     let _ = req;
//!     Ok(None)
//! }
//! ```

use proc_macro::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{
    parse_macro_input, FnArg, GenericArgument, ItemFn, Pat, PathArguments, ReturnType, Type,
};

/// Checks a shell command against its declaration in `dukadesk_domain::ipc`
/// (see the crate's documentation).
#[proc_macro_attribute]
pub fn ipc(attr: TokenStream, item: TokenStream) -> TokenStream {
    let command = parse_macro_input!(attr as syn::Path);
    let f = parse_macro_input!(item as ItemFn);
    match checks(&command, &f) {
        Ok(checks) => quote! { #f #checks }.into(),
        Err(e) => {
            let e = e.to_compile_error();
            quote! { #f #e }.into()
        }
    }
}

fn checks(command: &syn::Path, f: &ItemFn) -> syn::Result<proc_macro2::TokenStream> {
    let name = f.sig.ident.to_string();
    let req = f
        .sig
        .inputs
        .iter()
        .find_map(|arg| match arg {
            FnArg::Typed(p) => match &*p.pat {
                Pat::Ident(i) if i.ident == "req" => Some(&p.ty),
                _ => None,
            },
            FnArg::Receiver(_) => None,
        })
        .ok_or_else(|| {
            syn::Error::new(
                f.sig.span(),
                "a command takes its request as an argument named `req` (NoArgs when it has none)",
            )
        })?;
    let resp = ok_type(&f.sig.output).ok_or_else(|| {
        syn::Error::new(
            f.sig.output.span(),
            "a command returns `Result<Resp, IpcError>`",
        )
    })?;
    let ipc = quote! { ::dukadesk_domain::ipc };
    let req_check = quote_spanned! {req.span()=>
        #[allow(dead_code)]
        fn req(r: #req) -> <#command as #ipc::Command>::Req { r }
    };
    let resp_check = quote_spanned! {resp.span()=>
        #[allow(dead_code)]
        fn resp(r: #resp) -> <#command as #ipc::Command>::Resp { r }
    };
    let name_check = quote_spanned! {f.sig.ident.span()=>
        assert!(
            #ipc::same_name(<#command as #ipc::Command>::NAME, #name),
            concat!("`", #name, "` is not the name this command is declared with in dukadesk_domain::ipc")
        );
    };
    Ok(quote! {
        const _: () = {
            #req_check
            #resp_check
            #name_check
        };
    })
}

/// `T` in `-> Result<T, _>`.
fn ok_type(output: &ReturnType) -> Option<&Type> {
    let ReturnType::Type(_, ty) = output else {
        return None;
    };
    let Type::Path(path) = &**ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    }
}
