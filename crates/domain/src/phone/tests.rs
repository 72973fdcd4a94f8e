use super::*;
use proptest::prelude::*;

fn ke(s: &str) -> Result<String, PhoneError> {
    Msisdn::parse(s, Country::Kenya).map(|m| m.as_str().to_owned())
}

#[test]
fn kenyan_forms_all_reach_one_canonical_number() {
    for input in [
        "0712345678",
        "0712 345 678",
        "0712-345-678",
        "712345678",
        "+254712345678",
        "254712345678",
        "+254 712 345 678",
        "+2540712345678",
        "2540712345678",
        "00254712345678",
        "(0712) 345678",
    ] {
        assert_eq!(ke(input).as_deref(), Ok("254712345678"), "input {input:?}");
    }
    assert_eq!(ke("0110123456").as_deref(), Ok("254110123456"));
    assert_eq!(ke("110123456").as_deref(), Ok("254110123456"));
}

#[test]
fn bad_numbers_say_what_is_wrong() {
    assert_eq!(ke(""), Err(PhoneError::Empty));
    assert_eq!(ke("   "), Err(PhoneError::Empty));
    assert_eq!(ke("07123"), Err(PhoneError::WrongLength(5)));
    assert_eq!(ke("07123456789"), Err(PhoneError::WrongLength(11)));
    assert_eq!(ke("0712abc678"), Err(PhoneError::InvalidCharacters));
    assert_eq!(ke("0212345678"), Err(PhoneError::NotRecognised));
    assert_eq!(ke("+44 7700 900123"), Err(PhoneError::NotRecognised));
    assert_eq!(ke("1+254712345678"), Err(PhoneError::InvalidCharacters));
}

#[test]
fn morocco() {
    let m = Msisdn::parse("0612345678", Country::Morocco).unwrap();
    assert_eq!(m.as_str(), "212612345678");
    assert_eq!(m.country(), Country::Morocco);
    assert_eq!(m.network(), Network::Other);
    assert_eq!(
        Msisdn::parse("+212 6 12 34 56 78", Country::Kenya)
            .unwrap()
            .as_str(),
        "212612345678"
    );
    assert_eq!(
        Msisdn::parse("+2120612345678", Country::Kenya)
            .unwrap()
            .as_str(),
        "212612345678"
    );
    // A local 07… number means Kenya in a Kenyan shop and Morocco in a Moroccan one.
    assert_eq!(
        Msisdn::parse("0712345678", Country::Morocco)
            .unwrap()
            .as_str(),
        "212712345678"
    );
}

#[test]
fn safaricom_detection_follows_the_prefix_table() {
    let net = |s: &str| Msisdn::parse(s, Country::Kenya).unwrap().network();
    for s in [
        "0700000000",
        "0729999999",
        "0740000000",
        "0748000000",
        "0757000000",
        "0759000000",
        "0768000000",
        "0769000000",
        "0790000000",
        "0799000000",
        "0110000000",
        "0115000000",
    ] {
        assert_eq!(net(s), Network::Safaricom, "{s}");
    }
    assert_eq!(net("0733000000"), Network::Airtel);
    assert_eq!(net("0749000000"), Network::Other);
    assert_eq!(net("0756000000"), Network::Airtel);
    assert_eq!(net("0772000000"), Network::Telkom);
    assert_eq!(net("0116000000"), Network::Other);
    assert!(!Msisdn::parse("0733000000", Country::Kenya)
        .unwrap()
        .can_receive_mpesa_prompt());
}

#[test]
fn printing() {
    let m = Msisdn::parse("0712345678", Country::Kenya).unwrap();
    assert_eq!(m.national(), "0712 345 678");
    assert_eq!(m.international(), "+254 712 345 678");
}

#[test]
fn serde_round_trip_and_rejects_garbage() {
    let m = Msisdn::parse("0712345678", Country::Kenya).unwrap();
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(json, "\"254712345678\"");
    assert_eq!(serde_json::from_str::<Msisdn>(&json).unwrap(), m);
    assert!(serde_json::from_str::<Msisdn>("\"hello\"").is_err());
}

proptest! {
    /// Any Kenyan mobile number, written in any of the accepted ways, parses
    /// to the same canonical form.
    #[test]
    fn every_written_form_is_canonical(first in prop::sample::select(vec!['7', '1']), rest in "[0-9]{8}", style in 0usize..6) {
        let nsn = format!("{first}{rest}");
        let written = match style {
            0 => format!("0{nsn}"),
            1 => nsn.clone(),
            2 => format!("+254{nsn}"),
            3 => format!("254{nsn}"),
            4 => format!("+2540{nsn}"),
            _ => format!("0{} {} {}", &nsn[..3], &nsn[3..6], &nsn[6..]),
        };
        let m = Msisdn::parse(&written, Country::Kenya).unwrap();
        prop_assert_eq!(m.as_str(), format!("254{nsn}"));
        // Printing and parsing again is stable.
        prop_assert_eq!(&Msisdn::parse(&m.national(), Country::Kenya).unwrap(), &m);
        prop_assert_eq!(&Msisdn::parse(&m.international(), Country::Morocco).unwrap(), &m);
    }

    /// Parsing arbitrary text never panics, and whatever it accepts is
    /// canonical: 12 digits with a known country code.
    #[test]
    fn arbitrary_input_never_panics(s in "\\PC{0,40}") {
        if let Ok(m) = Msisdn::parse(&s, Country::Kenya) {
            prop_assert_eq!(m.as_str().len(), 12);
            prop_assert!(m.as_str().chars().all(|c| c.is_ascii_digit()));
            prop_assert!(m.as_str().starts_with("254") || m.as_str().starts_with("212"));
        }
    }

    #[test]
    fn digit_strings_never_panic(s in "[+0-9 ]{0,20}") {
        let _ = Msisdn::parse(&s, Country::Morocco);
    }
}
