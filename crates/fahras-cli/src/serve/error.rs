//! What the API answers when a request cannot be served: a status and
//! `{"error": "..."}`, never a bare 500 for something the user can fix.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use fahras_core::ErrorKind;

/// An error response.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<fahras_core::Error> for ApiError {
    fn from(e: fahras_core::Error) -> Self {
        let status = match e.kind() {
            ErrorKind::InvalidQuery => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Self::new(status, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(serde_json::json!({ "error": self.message }));
        (self.status, body).into_response()
    }
}
