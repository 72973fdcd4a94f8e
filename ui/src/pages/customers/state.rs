//! The Customers page's state as one reducer. The list is asked for again
//! on every keystroke in the search box and after every change; answers can
//! come back in any order, so each carries the request it answers
//! ([`Asked`]) and only the answer to the current one is shown: a slow
//! answer for "am" never replaces the list for "amina".

use dukadesk_domain::credit::Debtor;
use dukadesk_domain::ipc::CustomerSummary;
use std::rc::Rc;
use yew::prelude::*;

/// What the list on screen answers: the search as typed and the list's
/// version (bumped after a change to a customer).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Asked {
    /// The search box.
    pub search: String,
    /// Bumped after a change.
    pub version: u32,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomersState {
    /// The request the list should answer.
    pub asked: Asked,
    /// The customers matching it, once they came.
    pub customers: Vec<CustomerSummary>,
    /// The customer open on the right.
    pub selected: Option<CustomerSummary>,
    /// Why the list could not be read.
    pub error: Option<String>,
}

/// What can happen on the page.
#[derive(Debug)]
pub enum CustomersAction {
    /// The search box changed.
    Search(String),
    /// The list arrived for `Asked`.
    Listed(Asked, Vec<CustomerSummary>),
    /// Reading the list for `Asked` failed.
    ListFailed(Asked, String),
    /// A row was clicked (or the card closed: `None`).
    Pick(Option<CustomerSummary>),
    /// A debtor was clicked in the list of who owes what.
    PickDebtor(Debtor),
    /// A customer was corrected (or erased: `None`): shown, and the list
    /// read again.
    Changed(Option<CustomerSummary>),
}

impl Reducible for CustomersState {
    type Action = CustomersAction;
    fn reduce(self: Rc<Self>, action: CustomersAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl CustomersState {
    /// Applies one action.
    pub fn apply(&mut self, action: CustomersAction) {
        use CustomersAction as A;
        match action {
            A::Search(search) => self.asked.search = search,
            A::Listed(asked, list) => {
                if asked == self.asked {
                    self.customers = list;
                    self.error = None;
                }
            }
            A::ListFailed(asked, message) => {
                if asked == self.asked {
                    self.error = Some(message);
                }
            }
            A::Pick(c) => self.selected = c,
            A::PickDebtor(d) => {
                // As the customer's row shows them, or as the list of
                // debtors knows them if the search hides them.
                let found = self.customers.iter().find(|c| c.id == d.customer_id);
                self.selected = Some(found.cloned().unwrap_or(CustomerSummary {
                    id: d.customer_id,
                    phone: d.phone,
                    name: d.name,
                    opted_out: false,
                    erased: false,
                    orders: 0,
                    last_order_at: None,
                }));
            }
            A::Changed(c) => {
                self.selected = c;
                self.asked.version = self.asked.version.wrapping_add(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dukadesk_domain::CustomerId;
    use uuid::Uuid;
    use CustomersAction as A;

    fn customer(n: u128, name: &str) -> CustomerSummary {
        CustomerSummary {
            id: CustomerId(Uuid::from_u128(n)),
            phone: Some(format!("+2547000000{n:02}")),
            name: Some(name.into()),
            opted_out: false,
            erased: false,
            orders: 1,
            last_order_at: None,
        }
    }

    fn asked(search: &str, version: u32) -> Asked {
        Asked {
            search: search.into(),
            version,
        }
    }

    #[test]
    fn a_slow_answer_for_an_older_search_is_dropped() {
        let mut s = CustomersState::default();
        s.apply(A::Search("am".into()));
        s.apply(A::Search("amina".into()));
        s.apply(A::Listed(asked("amina", 0), vec![customer(1, "Amina")]));
        // The answer for "am" arrives last.
        s.apply(A::Listed(
            asked("am", 0),
            vec![customer(1, "Amina"), customer(2, "Amos")],
        ));
        assert_eq!(s.customers, vec![customer(1, "Amina")]);
        s.apply(A::ListFailed(asked("am", 0), "offline".into()));
        assert_eq!(s.error, None, "an old request's failure is not shown");
        s.apply(A::ListFailed(asked("amina", 0), "offline".into()));
        assert_eq!(s.error.as_deref(), Some("offline"));
        s.apply(A::Listed(asked("amina", 0), vec![]));
        assert_eq!(s.error, None);
    }

    #[test]
    fn a_change_asks_again_and_drops_the_list_read_before_it() {
        let mut s = CustomersState::default();
        s.apply(A::Listed(asked("", 0), vec![customer(1, "Amina")]));
        s.apply(A::Pick(Some(customer(1, "Amina"))));
        s.apply(A::Changed(Some(customer(1, "Amina Wanjiru"))));
        assert_eq!(s.asked, asked("", 1));
        assert_eq!(s.selected, Some(customer(1, "Amina Wanjiru")));
        // Read before the change: still the old name.
        s.apply(A::Listed(asked("", 0), vec![customer(1, "Amina")]));
        assert_eq!(s.customers, vec![customer(1, "Amina")]);
        s.apply(A::Listed(asked("", 1), vec![customer(1, "Amina Wanjiru")]));
        assert_eq!(s.customers, vec![customer(1, "Amina Wanjiru")]);
        s.apply(A::Changed(None));
        assert_eq!(s.selected, None, "erased: the card closes");
    }

    #[test]
    fn a_debtor_opens_as_the_list_shows_them_or_as_the_debt_knows_them() {
        let mut s = CustomersState::default();
        s.apply(A::Listed(asked("", 0), vec![customer(1, "Amina")]));
        let debtor = |n: u128| Debtor {
            customer_id: CustomerId(Uuid::from_u128(n)),
            name: Some("From the debt".into()),
            phone: None,
            balance: dukadesk_domain::Money::from_major(100, dukadesk_domain::Currency::KES),
            limit: None,
            oldest_unpaid: chrono::DateTime::UNIX_EPOCH,
        };
        s.apply(A::PickDebtor(debtor(1)));
        assert_eq!(s.selected, Some(customer(1, "Amina")));
        s.apply(A::PickDebtor(debtor(9)));
        assert_eq!(
            s.selected.as_ref().and_then(|c| c.name.as_deref()),
            Some("From the debt")
        );
    }
}
