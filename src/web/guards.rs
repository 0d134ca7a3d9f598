//! Who may call a handler, stated in its signature. A handler that takes
//! `SignedIn<ToComment>` never runs for a visitor who is not signed in, and
//! one that takes `Staff<ToAuthor>` never runs for a participant: a missing
//! guard is a compile error, not a forgotten line.
//!
//! The purpose names what the visitor came to do, so a refusal says why
//! ("Sign in to moderate…"). Rules that need the database (does this chair
//! chair *this* roundtable?) stay in the services, inside the transaction
//! that acts; these guards only decide what the session alone can decide.
//! The anti-forgery token is checked earlier still, when the `Viewer` is
//! built (`web::csrf`).

use super::error::WebError;
use super::session::Viewer;
use crate::domain::user::{Actor, SignedInUser};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

/// What a guarded handler is for, and what a refused visitor reads.
pub trait Purpose: 'static {
    /// The answer to a visitor who is not signed in.
    fn sign_in_first() -> actix_web::Error;
}

/// A purpose some of whose pages are for staff only.
pub trait StaffPurpose: Purpose {
    /// The catalogue key a signed-in participant reads there.
    const STAFF_ONLY: &'static str;
}

macro_rules! purpose {
    ($(#[$doc:meta])* $name:ident, $unauthorized:literal $(, staff only: $staff_only:literal)?) => {
        $(#[$doc])*
        pub enum $name {}
        impl Purpose for $name {
            fn sign_in_first() -> actix_web::Error {
                WebError::Unauthorized($unauthorized.into()).into()
            }
        }
        $(impl StaffPurpose for $name {
            const STAFF_ONLY: &'static str = $staff_only;
        })?
    };
}

purpose!(
    /// Posting, editing and reporting comments.
    ToComment,
    "unauthorized-comment"
);
purpose!(
    /// The moderation queue and its decisions.
    ToModerate,
    "unauthorized-moderation",
    staff only: "forbidden-trust"
);
purpose!(
    /// A roundtable's outcome, written by its chairs.
    ToWriteOutcome,
    "unauthorized-outcome"
);
purpose!(
    /// Setting up consultations, roundtables and their programme.
    ToAuthor,
    "unauthorized-authoring",
    staff only: "forbidden-authoring"
);
purpose!(
    /// Following a roundtable.
    ToFollow,
    "unauthorized-follow"
);
purpose!(
    /// Digests of a roundtable's comments.
    ToExport,
    "unauthorized-export"
);

purpose!(
    /// The terms and privacy notice people accept when they register.
    ToEditTerms,
    "unauthorized-terms",
    staff only: "forbidden-terms"
);

/// Accounts and the email queue: a visitor who is not signed in is sent to
/// the sign-in page rather than shown a refusal.
pub enum ToAdminister {}

impl Purpose for ToAdminister {
    fn sign_in_first() -> actix_web::Error {
        let to_sign_in = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/sign-in"))
            .finish();
        actix_web::error::InternalError::from_response("sign in first", to_sign_in).into()
    }
}

impl StaffPurpose for ToAdminister {
    const STAFF_ONLY: &'static str = "forbidden-email-queue";
}

/// One's own account page and what is changed there: a visitor who is not
/// signed in is sent to the sign-in page rather than shown a refusal.
pub enum ToManageAccount {}

impl Purpose for ToManageAccount {
    fn sign_in_first() -> actix_web::Error {
        let to_sign_in = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/sign-in"))
            .finish();
        actix_web::error::InternalError::from_response("sign in first", to_sign_in).into()
    }
}

/// A signed-in person, and the rest of what the request says about them.
pub struct SignedIn<P: Purpose> {
    pub viewer: Viewer,
    pub user: SignedInUser,
    purpose: PhantomData<P>,
}

impl<P: Purpose> SignedIn<P> {
    /// Who acts, as the services' rules see them.
    pub fn actor(&self) -> Actor {
        Actor::of(&self.user)
    }
}

impl<P: Purpose> FromRequest for SignedIn<P> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let viewer = Viewer::from_request(request, payload);
        Box::pin(async move {
            let viewer = viewer.await?;
            let user = viewer.user.clone().ok_or_else(P::sign_in_first)?;
            Ok(SignedIn {
                viewer,
                user,
                purpose: PhantomData,
            })
        })
    }
}

/// A signed-in member of staff (or an administrator).
pub struct Staff<P: StaffPurpose> {
    pub viewer: Viewer,
    pub user: SignedInUser,
    purpose: PhantomData<P>,
}

impl<P: StaffPurpose> Staff<P> {
    pub fn actor(&self) -> Actor {
        Actor::of(&self.user)
    }
}

impl<P: StaffPurpose> FromRequest for Staff<P> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let signed_in = SignedIn::<P>::from_request(request, payload);
        Box::pin(async move {
            let SignedIn { viewer, user, .. } = signed_in.await?;
            if !user.role.is_staff() {
                return Err(WebError::Forbidden(P::STAFF_ONLY.into()).into());
            }
            Ok(Staff {
                viewer,
                user,
                purpose: PhantomData,
            })
        })
    }
}
