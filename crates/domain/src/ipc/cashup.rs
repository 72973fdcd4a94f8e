//! Cash-ups: counting the drawer and the Z report (the shell's
//! `commands/cashup.rs`).

use super::{NoArgs, Printed};
use serde::{Deserialize, Serialize};

/// One cash-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashUpRef {
    /// The cash-up.
    pub id: crate::CashUpId,
}

commands! {
    /// What this till took since its last cash-up, before counting.
    GetCashUpDraft, "get_cash_up_draft", NoArgs => crate::cashup::CashUpDraft;
    /// Record the drawer as counted (by whoever is signed in).
    RecordCashUpCmd, "record_cash_up", crate::cashup::CashUpInput => crate::cashup::CashUp;
    /// The shop's cash-ups from every till, newest first.
    ListCashUps, "list_cash_ups", NoArgs => Vec<crate::cashup::CashUp>;
    /// Print a cash-up (Z report) on this till's printer.
    PrintCashUp, "print_cash_up", CashUpRef => Printed;
}
