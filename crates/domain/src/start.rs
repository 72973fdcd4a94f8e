//! The start checklist a new shop sees on its till: add items, try the
//! test chat, connect M-Pesa, link WhatsApp, share the shop link. Each
//! step is ticked from the real state of the shop (the store and the
//! WhatsApp link say), never by a click on the step itself.

use serde::{Deserialize, Serialize};

/// Where the shop stands on each step, and whether the list is folded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StartChecklist {
    /// The catalogue has an item for sale.
    pub items: bool,
    /// A test-chat order was paid (with the simulated M-Pesa).
    pub test_order: bool,
    /// Real customers can pay: a live M-Pesa service, or the shop's own
    /// till or paybill number for paying by hand.
    pub mpesa: bool,
    /// The shop's WhatsApp is linked.
    pub whatsapp: bool,
    /// The shop link was copied or its poster saved.
    pub shared: bool,
    /// The merchant folded the list away.
    pub folded: bool,
    /// The link customers tap (`https://wa.me/…`), once WhatsApp is linked.
    pub shop_link: Option<String>,
}

/// One step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StartStep {
    /// Add items to the catalogue.
    Items,
    /// Order from the test chat.
    TestChat,
    /// Connect M-Pesa.
    Mpesa,
    /// Link WhatsApp.
    WhatsApp,
    /// Share the shop link.
    Share,
}

impl StartStep {
    /// The steps in the order a shop takes them.
    pub const ALL: [StartStep; 5] = [
        StartStep::Items,
        StartStep::TestChat,
        StartStep::Mpesa,
        StartStep::WhatsApp,
        StartStep::Share,
    ];

    /// A name for ids (`start-items`).
    pub const fn key(self) -> &'static str {
        match self {
            StartStep::Items => "items",
            StartStep::TestChat => "test-chat",
            StartStep::Mpesa => "mpesa",
            StartStep::WhatsApp => "whatsapp",
            StartStep::Share => "share",
        }
    }

    /// What to do, in a few words.
    pub const fn title(self) -> &'static str {
        match self {
            StartStep::Items => "Add what you sell",
            StartStep::TestChat => "Order from the test chat",
            StartStep::Mpesa => "Connect M-Pesa",
            StartStep::WhatsApp => "Link your WhatsApp",
            StartStep::Share => "Share your shop link",
        }
    }

    /// Why, in one line.
    pub const fn hint(self) -> &'static str {
        match self {
            StartStep::Items => "Name, price and stock: a few items are enough to start.",
            StartStep::TestChat => {
                "Play a customer against your own bot and pay with pretend M-Pesa."
            }
            StartStep::Mpesa => {
                "Your till or paybill number, or IntaSend or Daraja for prompts on the phone."
            }
            StartStep::WhatsApp => "Link this computer to the shop's WhatsApp, like WhatsApp Web.",
            StartStep::Share => "Copy the link or print a poster with its QR code.",
        }
    }

    /// Whether `list` has this step done.
    pub const fn done(self, list: &StartChecklist) -> bool {
        match self {
            StartStep::Items => list.items,
            StartStep::TestChat => list.test_order,
            StartStep::Mpesa => list.mpesa,
            StartStep::WhatsApp => list.whatsapp,
            StartStep::Share => list.shared,
        }
    }
}

impl StartChecklist {
    /// How many steps are done.
    pub fn ticked(&self) -> usize {
        StartStep::ALL.iter().filter(|s| s.done(self)).count()
    }

    /// Every step done.
    pub fn complete(&self) -> bool {
        self.ticked() == StartStep::ALL.len()
    }

    /// The first step not yet done.
    pub fn next(&self) -> Option<StartStep> {
        StartStep::ALL.into_iter().find(|s| !s.done(self))
    }
}

/// The merchant folds the list away or opens it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldChecklist {
    /// Folded.
    pub folded: bool,
}

/// The shop link was copied to share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LinkShared {}

/// A poster's paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PosterSize {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 148 × 210 mm.
    A5,
}

impl PosterSize {
    /// Width and height in points (1/72 inch).
    pub const fn points(self) -> (f32, f32) {
        match self {
            PosterSize::A4 => (595.0, 842.0),
            PosterSize::A5 => (420.0, 595.0),
        }
    }
}

/// Save the shop's poster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavePoster {
    /// Its paper.
    pub size: PosterSize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_tick_from_the_state_and_the_next_is_the_first_open_one() {
        let mut list = StartChecklist::default();
        assert_eq!(list.ticked(), 0);
        assert_eq!(list.next(), Some(StartStep::Items));
        list.items = true;
        list.mpesa = true;
        assert_eq!(list.ticked(), 2);
        assert_eq!(list.next(), Some(StartStep::TestChat));
        list.test_order = true;
        list.whatsapp = true;
        list.shared = true;
        assert!(list.complete());
        assert_eq!(list.next(), None);
    }
}
