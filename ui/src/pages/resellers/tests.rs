use super::state::{
    amount_class, draft_for, is_negative, new_draft, rule_from_value, rule_value, FormEdit,
    PayoutDraft, PayoutEdit, ResellersAction as A, ResellersState, PAYOUT_FIELDS, RESELLER_FIELDS,
};
use super::*;
use dukadesk_domain::ipc::{ErrorCode, FieldError, IpcError};
use dukadesk_domain::phone::Msisdn;
use dukadesk_domain::resellers::{Reseller, ResellerTotals};
use dukadesk_domain::{Money, ResellerId};
use uuid::Uuid;

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

fn id(n: u128) -> ResellerId {
    ResellerId(Uuid::from_u128(n))
}

fn view(n: u128, name: &str, rule: CommissionRule, payable: i64) -> ResellerView {
    ResellerView {
        reseller: Reseller {
            id: id(n),
            name: name.into(),
            phone: Some(Msisdn::parse(&format!("07123456{n:02}"), Country::Kenya).expect("phone")),
            code: format!("{}{n:02}", name.to_uppercase()),
            rule,
            active: true,
            first_order_only: false,
            applies_to: Default::default(),
            erased: false,
        },
        rule: rule.describe(),
        applies_to_name: None,
        link: None,
        greeting: format!("Hi Duka! (duka) ref {}{n:02}", name.to_uppercase()),
        totals: ResellerTotals {
            orders: 3,
            sales: kes(3_000),
            pending: kes(50),
            payable: kes(payable),
            paid: kes(100),
        },
    }
}

fn percent(bp: u32) -> CommissionRule {
    CommissionRule::Percent { basis_points: bp }
}

fn two() -> Vec<ResellerView> {
    vec![
        view(1, "Amina", percent(500), 150),
        view(2, "Juma", percent(250), 0),
    ]
}

fn loaded() -> ResellersState {
    let mut s = ResellersState::default();
    s.apply(A::Loaded(two()));
    s
}

fn invalid(fields: &[(&str, &str)]) -> IpcError {
    IpcError::invalid(
        fields
            .iter()
            .map(|(f, m)| FieldError::new(*f, *m))
            .collect(),
    )
}

#[test]
fn the_list_loads_and_a_failure_can_be_tried_again() {
    let mut s = ResellersState::default();
    assert_eq!(s.resellers, None, "loading");
    assert!(s.list().is_empty());
    s.apply(A::LoadFailed("Only the owner can see resellers.".into()));
    assert_eq!(
        s.error.as_deref(),
        Some("Only the owner can see resellers.")
    );
    let before = s.attempt;
    s.apply(A::Retry);
    assert_eq!(s.attempt, before + 1, "a retry reads the list again");
    assert_eq!(s.error, None);
    s.apply(A::Loaded(two()));
    assert_eq!(s.list().len(), 2);
    assert_eq!(s.error, None);
    s.apply(A::Loaded(Vec::new()));
    assert_eq!(s.resellers, Some(Vec::new()), "an empty list is loaded");
}

#[test]
fn a_row_picks_its_reseller_and_a_new_pick_starts_a_fresh_payout() {
    let mut s = loaded();
    s.apply(A::Select(id(1)));
    assert_eq!(s.selected, Some(id(1)));
    assert_eq!(
        s.selected_view().map(|v| v.reseller.name.as_str()),
        Some("Amina")
    );
    s.apply(A::Payout(PayoutEdit::Amount("100".into())));
    s.apply(A::PayoutFailed {
        reseller: id(1),
        errors: FormErrors::from_fields(vec![FieldError::new("amount", "Too much.")]),
    });
    // Picking the same one again keeps what was typed.
    s.apply(A::Select(id(1)));
    assert_eq!(s.payout.amount, "100");
    assert_eq!(s.payout_errors.field("amount"), Some("Too much."));
    s.apply(A::Select(id(2)));
    assert_eq!(s.payout, PayoutDraft::default());
    assert_eq!(s.payout_errors, FormErrors::default());
    // A list without them lets them go.
    s.apply(A::Loaded(vec![view(1, "Amina", percent(500), 150)]));
    assert_eq!(s.selected, None);
    assert!(s.selected_view().is_none());
}

#[test]
fn the_form_opens_empty_or_with_the_reseller_picked_and_closes() {
    let mut s = loaded();
    s.apply(A::Add);
    assert_eq!(s.form, Some(new_draft()));
    let form = s.form.clone().expect("open");
    assert!(form.active, "a new reseller starts active");
    assert_eq!(form.rule, RuleChoice::Percent);
    assert!(form.id.is_none() && form.code.is_empty());
    assert!(!s.editing());
    s.apply(A::CloseForm);
    assert_eq!(s.form, None);

    // Edit does nothing with nobody picked.
    s.apply(A::EditSelected);
    assert_eq!(s.form, None);
    s.apply(A::Select(id(2)));
    s.apply(A::EditSelected);
    assert!(s.editing());
    let form = s.form.clone().expect("open");
    assert_eq!(form.id, Some(id(2)));
    assert_eq!(form.name, "Juma");
    assert_eq!(form.phone, "0712 345 602");
    assert_eq!(form.code, "JUMA02");
    assert_eq!(
        (form.rule, form.rate.as_str()),
        (RuleChoice::Percent, "2.5")
    );

    // Picking someone else closes their form; a new reseller's stays.
    s.apply(A::Select(id(1)));
    assert_eq!(s.form, None);
    s.apply(A::Add);
    s.apply(A::Select(id(2)));
    assert_eq!(s.form, Some(new_draft()));
}

#[test]
fn a_rule_reads_back_into_the_form_as_typed() {
    let per_unit = view(
        3,
        "Wanjiru",
        CommissionRule::PerUnit {
            amount: Money::from_minor(1_050, Currency::KES),
        },
        0,
    );
    let form = draft_for(&per_unit);
    assert_eq!(
        (form.rule, form.rate.as_str()),
        (RuleChoice::PerUnit, "10.50")
    );
    let big = view(
        4,
        "Otieno",
        CommissionRule::PerUnit { amount: kes(1_000) },
        0,
    );
    assert_eq!(draft_for(&big).rate, "1,000", "Money::parse reads it back");
    assert_eq!(draft_for(&view(5, "A", percent(500), 0)).rate, "5");
    assert_eq!(draft_for(&view(6, "B", percent(225), 0)).rate, "2.25");
    for rule in [RuleChoice::Percent, RuleChoice::PerUnit] {
        assert_eq!(rule_from_value(rule_value(rule)), rule);
    }
    assert_eq!(rule_value(RuleChoice::PerUnit), "per_unit");
    assert_eq!(rule_from_value("something else"), RuleChoice::Percent);
}

#[test]
fn the_rule_column_reads_in_words() {
    crate::i18n::set_language(dukadesk_domain::customer::Language::En);
    assert_eq!(rule_text(&view(1, "Amina", percent(250), 0)), "2.5%");
    let per_unit = view(1, "Amina", CommissionRule::PerUnit { amount: kes(10) }, 0);
    assert_eq!(rule_text(&per_unit), "KES 10 a unit");
}

#[test]
fn field_errors_stay_beside_their_field_until_it_is_edited() {
    let mut s = loaded();
    s.apply(A::Add);
    s.apply(A::SaveStarted);
    assert!(s.saving);
    let err = invalid(&[
        ("name", "Type the reseller's name."),
        ("phone", "Not a number."),
        ("code", "AMINA10 is taken."),
        ("rate", "Type a percentage."),
        ("applies_to", "That category is gone."),
        ("shop", "Set up the shop first."),
    ]);
    s.apply(A::SaveFailed(FormErrors::from_ipc(err, RESELLER_FIELDS)));
    assert!(!s.saving);
    assert!(s.form.is_some(), "the form stays open to fix");
    for field in RESELLER_FIELDS {
        assert!(s.form_errors.field(field).is_some(), "{field}");
    }
    assert_eq!(
        s.form_errors.banner(),
        Some("Set up the shop first."),
        "an error no field shows goes to the banner"
    );

    s.apply(A::Form(FormEdit::Name("Amina".into())));
    assert_eq!(s.form_errors.field("name"), None);
    assert_eq!(s.form_errors.field("phone"), Some("Not a number."));
    s.apply(A::Form(FormEdit::Active(false)));
    assert_eq!(s.form_errors.field("code"), Some("AMINA10 is taken."));
    s.apply(A::Form(FormEdit::AppliesTo(String::new())));
    assert_eq!(s.form_errors.field("applies_to"), None);
    assert_eq!(s.form.as_ref().map(|f| f.applies_to.as_str()), Some(""));
    assert_eq!(s.form_errors.field("rate"), Some("Type a percentage."));
    // Another kind of rule makes the rate's error stale.
    s.apply(A::Form(FormEdit::Rule(RuleChoice::PerUnit)));
    assert_eq!(s.form_errors.field("rate"), None);
    s.apply(A::Form(FormEdit::Code("AMINA11".into())));
    s.apply(A::Form(FormEdit::Phone("0712 345 678".into())));
    s.apply(A::Form(FormEdit::Rate("10".into())));
    s.apply(A::Form(FormEdit::FirstOrderOnly(true)));
    let form = s.form.clone().expect("open");
    assert!(form.first_order_only);
    assert_eq!(
        (
            form.name.as_str(),
            form.phone.as_str(),
            form.code.as_str(),
            form.rule,
            form.rate.as_str(),
            form.active
        ),
        (
            "Amina",
            "0712 345 678",
            "AMINA11",
            RuleChoice::PerUnit,
            "10",
            false
        )
    );
    assert_eq!(s.form_errors.field("phone"), None);
    assert_eq!(s.form_errors.field("code"), None);
    // A cancelled form forgets its errors.
    s.apply(A::CloseForm);
    s.apply(A::Add);
    assert_eq!(s.form_errors, FormErrors::default());
}

#[test]
fn a_save_replaces_the_list_closes_the_form_and_picks_whom_it_saved() {
    let mut s = loaded();
    s.apply(A::Add);
    s.apply(A::Form(FormEdit::Name("Wanjiru".into())));
    s.apply(A::SaveStarted);
    let mut after = two();
    after.push(view(3, "Wanjiru", percent(500), 0));
    s.apply(A::Saved(after.clone()));
    assert_eq!(s.resellers, Some(after));
    assert_eq!(s.form, None);
    assert!(!s.saving);
    assert_eq!(s.selected, Some(id(3)), "the new reseller is picked");

    // Editing: the one edited stays picked, with the list as saved.
    s.apply(A::Select(id(1)));
    s.apply(A::EditSelected);
    s.apply(A::Form(FormEdit::Active(false)));
    let mut paused = view(1, "Amina", percent(500), 150);
    paused.reseller.active = false;
    s.apply(A::Saved(vec![paused.clone()]));
    assert_eq!(s.list(), std::slice::from_ref(&paused));
    assert_eq!(s.selected, Some(id(1)));
    assert_eq!(s.form, None);
}

#[test]
fn a_payout_replaces_the_list_and_empties_its_form() {
    let mut s = loaded();
    s.apply(A::Select(id(1)));
    s.apply(A::Payout(PayoutEdit::Amount("150".into())));
    s.apply(A::Payout(PayoutEdit::Method(MPESA.into())));
    s.apply(A::Payout(PayoutEdit::Receipt("SLK4H7PQ2X".into())));
    s.apply(A::PayoutStarted);
    assert!(s.paying);
    let after = vec![
        view(1, "Amina", percent(500), 0),
        view(2, "Juma", percent(250), 0),
    ];
    s.apply(A::PaidOut {
        reseller: id(1),
        list: after.clone(),
    });
    assert_eq!(s.resellers, Some(after));
    assert_eq!(s.payout, PayoutDraft::default());
    assert!(!s.paying);
    assert_eq!(
        s.selected_view().map(|v| v.totals.payable),
        Some(kes(0)),
        "payable now as the shell counts it"
    );
}

#[test]
fn a_payout_refused_keeps_its_errors_per_field() {
    let mut s = loaded();
    s.apply(A::Select(id(1)));
    s.apply(A::Payout(PayoutEdit::Method(MPESA.into())));
    s.apply(A::PayoutStarted);
    let err = invalid(&[
        ("amount", "Only KES 150 is payable."),
        ("receipt", "Type the M-Pesa code."),
    ]);
    s.apply(A::PayoutFailed {
        reseller: id(1),
        errors: FormErrors::from_ipc(err, PAYOUT_FIELDS),
    });
    assert!(!s.paying);
    assert_eq!(
        s.payout_errors.field("amount"),
        Some("Only KES 150 is payable.")
    );
    s.apply(A::Payout(PayoutEdit::Amount("150".into())));
    assert_eq!(s.payout_errors.field("amount"), None);
    assert_eq!(
        s.payout_errors.field("receipt"),
        Some("Type the M-Pesa code.")
    );
    // Paying cash instead: the code's error goes with the code.
    s.apply(A::Payout(PayoutEdit::Method(CASH.into())));
    assert_eq!(s.payout_errors.field("receipt"), None);

    // A refusal without fields (the owner password not given) is a banner.
    s.apply(A::PayoutFailed {
        reseller: id(1),
        errors: FormErrors::from_ipc(
            IpcError::new(ErrorCode::OwnerRequired, "Only the owner can do this."),
            PAYOUT_FIELDS,
        ),
    });
    assert_eq!(
        s.payout_errors.banner(),
        Some("Only the owner can do this.")
    );
}

#[test]
fn an_answer_for_someone_picked_before_leaves_the_new_draft_alone() {
    let mut s = loaded();
    s.apply(A::Select(id(1)));
    s.apply(A::PayoutStarted);
    s.apply(A::Select(id(2)));
    s.apply(A::Payout(PayoutEdit::Amount("20".into())));
    s.apply(A::PayoutFailed {
        reseller: id(1),
        errors: FormErrors::from_fields(vec![FieldError::new("amount", "Too much.")]),
    });
    assert_eq!(s.payout_errors, FormErrors::default());
    let after = two();
    s.apply(A::PaidOut {
        reseller: id(1),
        list: after.clone(),
    });
    assert_eq!(s.resellers, Some(after), "the list is still the newest");
    assert_eq!(s.payout.amount, "20");
}

#[test]
fn the_m_pesa_code_is_asked_for_only_for_m_pesa() {
    let mut draft = PayoutDraft::default();
    assert_eq!(draft.method, CASH, "cash is the first choice");
    assert!(!draft.shows_receipt());
    draft.amount = " 150 ".into();
    draft.receipt = "SLK4H7PQ2X".into();
    let cash = draft.to_request(id(1));
    assert_eq!(cash.reseller_id, Some(id(1)));
    assert_eq!(cash.amount, "150");
    assert_eq!(cash.method, "cash");
    assert_eq!(
        cash.receipt, "",
        "a code typed before choosing cash is not sent"
    );
    assert!(cash.validate(Currency::KES).is_ok());

    draft.method = MPESA.into();
    assert!(draft.shows_receipt());
    let mpesa = draft.to_request(id(1));
    assert_eq!(
        (mpesa.method.as_str(), mpesa.receipt.as_str()),
        ("mpesa", "SLK4H7PQ2X")
    );

    draft.receipt = String::new();
    let missing = draft.to_request(id(1)).validate(Currency::KES);
    assert!(missing.is_err_and(|fields| fields.iter().any(|f| f.field == "receipt")));
}

#[test]
fn a_payable_below_zero_is_flagged() {
    assert!(is_negative(Money::from_minor(-1, Currency::KES)));
    assert!(!is_negative(kes(0)));
    assert!(!is_negative(kes(150)));
    assert!(amount_class(kes(-20)).contains("reseller-negative"));
    assert!(amount_class(kes(-20)).contains("num"));
    assert!(!amount_class(kes(20)).contains("reseller-negative"));
    assert_eq!(kes(-20).to_string(), "KES -20");
}
