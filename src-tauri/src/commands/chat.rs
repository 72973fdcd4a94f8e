//! The inbox and the test chat.

use crate::auth::current_name;
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    ConversationRef, ConversationSummary, ConversationView, NoArgs, SetTakeover, SetTestAirtime,
    SimulatedPayment, StaffReply, TestChatSend, TestChatView,
};
use dukadesk_domain::ipc::{
    GetConversation, GetTestChat, ListConversations, ResetTestChat, SendStaffReply, SetTakeoverCmd,
    SetTestAirtimeCmd, SetTestPayment, TestChatSendCmd,
};
use dukadesk_macros::ipc;
use tauri::State;

/// Chats, newest first.
#[ipc(ListConversations)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_conversations(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<ConversationSummary>, CommandError> {
    let _ = req;
    Ok(state.store()?.conversations().await?)
}

/// One chat; marks it read.
#[ipc(GetConversation)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_conversation(
    state: State<'_, AppState>,
    req: ConversationRef,
) -> Result<ConversationView, CommandError> {
    Ok(state.store()?.conversation_view(req.id, true).await?)
}

/// A staff reply, in the signed-in person's name.
#[ipc(SendStaffReply)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn send_staff_reply(
    state: State<'_, AppState>,
    req: StaffReply,
) -> Result<ConversationView, CommandError> {
    let by = current_name(&state)?;
    let runtime = state.runtime()?;
    let view = runtime.store().staff_reply(req.id, &req.text, &by).await?;
    runtime.after(dukadesk_core::events::Effects {
        payments: Vec::new(),
        queued: true,
        ..Default::default()
    });
    Ok(view)
}

/// Take a chat over, or hand it back to the bot, in the signed-in person's
/// name.
#[ipc(SetTakeoverCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_takeover(
    state: State<'_, AppState>,
    req: SetTakeover,
) -> Result<ConversationView, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.set_takeover(req.id, req.on, &by).await?)
}

/// The test chat.
#[ipc(GetTestChat)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_test_chat(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<TestChatView, CommandError> {
    let _ = req;
    Ok(state.runtime()?.test_chat().await?)
}

/// A message from the test customer.
#[ipc(TestChatSendCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn test_chat_send(
    state: State<'_, AppState>,
    req: TestChatSend,
) -> Result<TestChatView, CommandError> {
    Ok(state
        .runtime()?
        .test_chat_send(&req.phone, &req.text)
        .await?)
}

/// What the simulated M-Pesa answers.
#[ipc(SetTestPayment)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_test_payment(
    state: State<'_, AppState>,
    req: SimulatedPayment,
) -> Result<TestChatView, CommandError> {
    Ok(state.runtime()?.set_test_payment(req).await?)
}

/// Choose whether the test chat's simulated airtime is delivered or fails.
#[ipc(SetTestAirtimeCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_test_airtime(
    state: State<'_, AppState>,
    req: SetTestAirtime,
) -> Result<TestChatView, CommandError> {
    Ok(state.runtime()?.set_test_airtime(req.fails).await?)
}

/// Start the test chat over.
#[ipc(ResetTestChat)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn reset_test_chat(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<TestChatView, CommandError> {
    let _ = req;
    Ok(state.runtime()?.reset_test_chat().await?)
}
