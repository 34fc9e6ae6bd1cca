//! The portal's notifications: the feed with a cursor, subscriptions, read
//! and deleted marks, and the Server-Sent Events stream. The stream is parsed
//! by `eventsource-stream` (the SSE format has its edge cases: split lines,
//! comments, multi-line data, a BOM), not by hand.

use std::pin::Pin;
use std::time::Duration;

use eventsource_stream::{Event, EventStreamError, Eventsource};
use futures_util::{Stream, StreamExt};
use muc_wire::notify::{Marks, Notification, NotificationPage, Subscriptions};

use crate::{ClientError, PortalClient};

/// Who asks: a signed-in person (an access token) or a device that does not
/// sign in (its random id).
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    Account(&'a str),
    Device(&'a str),
}

impl Who<'_> {
    fn on(self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match self {
            Who::Account(bearer) => req.bearer_auth(bearer),
            Who::Device(id) => req.header("X-Device-Id", id),
        }
    }
}

/// The portal sends a comment every 15 s on an open stream: silence for this
/// long means the connection is gone, even if no TCP error says so.
pub const STREAM_SILENCE: Duration = Duration::from_secs(45);

type Events = Pin<Box<dyn Stream<Item = Result<Event, EventStreamError<reqwest::Error>>> + Send>>;

/// An open stream of notifications.
pub struct NotificationStream {
    events: Events,
}

impl NotificationStream {
    /// The next notification; None when the portal ended the stream; an
    /// error when the connection broke (reconnect with the last id seen).
    pub async fn next(&mut self) -> Option<Result<Notification, ClientError>> {
        loop {
            let event = match tokio::time::timeout(STREAM_SILENCE, self.events.next()).await {
                Err(_) => return Some(Err(ClientError::TimedOut("no keep-alive from the portal".into()))),
                Ok(None) => return None,
                Ok(Some(Err(EventStreamError::Transport(e)))) => return Some(Err(e.into())),
                Ok(Some(Err(e))) => return Some(Err(ClientError::Invalid(e.to_string()))),
                Ok(Some(Ok(e))) => e,
            };
            if event.event != "notification" {
                continue;
            }
            let n: Result<Notification, _> = serde_json::from_str(&event.data);
            return Some(n.map_err(|e| ClientError::Invalid(e.to_string())));
        }
    }
}

impl PortalClient {
    /// `GET /notifications?after=`: what came after `after` (one page; ask
    /// again from `next_after` while `more`).
    pub async fn notifications(&self, who: Who<'_>, after: i64) -> Result<NotificationPage, ClientError> {
        let req = self.http.get(format!("{}/notifications", self.base())).query(&[("after", after)]);
        Self::read_json(who.on(req).send().await?).await
    }

    pub async fn subscriptions(&self, who: Who<'_>) -> Result<Subscriptions, ClientError> {
        let req = self.http.get(format!("{}/notifications/subscriptions", self.base()));
        Self::read_json(who.on(req).send().await?).await
    }

    pub async fn put_subscriptions(&self, who: Who<'_>, s: &Subscriptions) -> Result<Subscriptions, ClientError> {
        let req = self.http.put(format!("{}/notifications/subscriptions", self.base())).json(s);
        Self::read_json(who.on(req).send().await?).await
    }

    /// `POST /notifications/marks`: read, unread or deleted on every device.
    pub async fn mark_notifications(&self, who: Who<'_>, marks: &Marks) -> Result<(), ClientError> {
        let req = self.http.post(format!("{}/notifications/marks", self.base())).json(marks);
        let resp = who.on(req).send().await?;
        let status = resp.status();
        if status.is_success() {
            return Ok(());
        }
        Err(Self::error_of(status.as_u16(), &resp.bytes().await?))
    }

    /// `GET /notifications/stream`, from after `last_event_id` (None: from
    /// now). Its own HTTP client: no total timeout, a read timeout instead.
    pub async fn notification_stream(
        &self,
        who: Who<'_>,
        last_event_id: Option<i64>,
    ) -> Result<NotificationStream, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .read_timeout(STREAM_SILENCE)
            .user_agent(concat!("muenchen-app/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ClientError::Invalid(e.to_string()))?;
        let mut req = http
            .get(format!("{}/notifications/stream", self.base()))
            .header(reqwest::header::ACCEPT, "text/event-stream");
        if let Some(id) = last_event_id {
            req = req.header("Last-Event-ID", id.to_string());
        }
        let resp = who.on(req).send().await?;
        let status = resp.status();
        if !status.is_success() {
            return Err(Self::error_of(status.as_u16(), &resp.bytes().await?));
        }
        Ok(NotificationStream { events: Box::pin(resp.bytes_stream().eventsource()) })
    }
}
