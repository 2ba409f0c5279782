//! The sync stream's frames: read, bounded and checked before samod sees them.
//!
//! samod's wire protocol (automerge-repo's) is CBOR messages in length-delimited frames (a
//! 4-byte big-endian length, then the message). We frame the QUIC stream ourselves, with the
//! same layout, instead of samod's `Transport::from_tokio_io`, because what a connected device
//! sends must not be able to take the node down:
//!
//! * that codec accepts frames up to 8 GiB and reserves a frame's whole length as soon as it
//!   has read the header — one hostile header made the node ask for 8 GiB; here a frame is at
//!   most [`MAX_FRAME`] and memory grows only with the bytes that actually arrive;
//! * every message about a document (`sync`, `request`) carries an automerge sync message, and
//!   automerge 0.12.0 panics on some of them (see `nastavnik_core::sync_check`); each must pass
//!   [`check_frame`] first. A frame that fails ends the connection with an error.
//!
//! Any device can open a sync connection (the share policy decides what it then gets), so these
//! checks face outsiders, not only the school's devices.

use std::io;

use nastavnik_core::sync_check::{BadSyncMessage, check_sync_message};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The largest frame read or written (a whole school's document fits many times over).
pub const MAX_FRAME: usize = 128 << 20;

/// Why a frame from a peer was refused.
#[derive(Debug, thiserror::Error)]
pub enum BadFrame {
    /// Longer than [`MAX_FRAME`].
    #[error("сообщение длиной {0} байт больше допустимого")]
    TooLong(usize),
    /// Not a message of the sync protocol.
    #[error("сообщение не читается: {0}")]
    Unreadable(String),
    /// A document's sync message that automerge must not receive.
    #[error(transparent)]
    Sync(#[from] BadSyncMessage),
}

/// Checks one message of samod's wire protocol: a CBOR map with text keys, as samod reads it;
/// for `sync` and `request` every `data` field must be a sound automerge sync message.
///
/// This reads the map the way samod does (a definite map, the last `type` wins, every value one
/// CBOR item), so whatever samod would hand to automerge has been checked here.
pub fn check_frame(frame: &[u8]) -> Result<(), BadFrame> {
    let unreadable = |e: minicbor::decode::Error| BadFrame::Unreadable(e.to_string());
    let mut d = minicbor::Decoder::new(frame);
    let len = d.map().map_err(unreadable)?.ok_or_else(|| BadFrame::Unreadable("нет длины".into()))?;
    let mut kind = None;
    let mut data = Vec::new();
    for _ in 0..len {
        match d.str().map_err(unreadable)? {
            "type" => kind = Some(d.str().map_err(unreadable)?),
            "data" => data.push(d.bytes().map_err(unreadable)?),
            _ => d.skip().map_err(unreadable)?,
        }
    }
    if matches!(kind, Some("sync" | "request")) {
        for message in data {
            check_sync_message(message)?;
        }
    }
    Ok(())
}

/// The frames arriving on `read` from device `peer`, each checked; ends quietly when the
/// stream ends between frames. A refused frame is logged with the device that sent it.
pub fn frames<R>(read: R, peer: String) -> impl futures::Stream<Item = io::Result<Vec<u8>>> + Send + Unpin
where
    R: AsyncRead + Send + Unpin + 'static,
{
    Box::pin(futures::stream::try_unfold(read, move |mut read| {
        let peer = peer.clone();
        async move {
            let refused = |e: io::Error| {
                if e.kind() == io::ErrorKind::InvalidData {
                    tracing::warn!("устройство {peer}: {e}; соединение закрыто");
                }
                e
            };
            let Some(frame) = read_frame(&mut read).await.map_err(refused)? else { return Ok(None) };
            check_frame(&frame).map_err(|e| refused(io::Error::new(io::ErrorKind::InvalidData, e)))?;
            Ok(Some((frame, read)))
        }
    }))
}

/// A sink writing each message as one frame on `write`.
pub fn sink<W>(write: W) -> impl futures::Sink<Vec<u8>, Error = io::Error> + Send + Unpin
where
    W: AsyncWrite + Send + Unpin + 'static,
{
    Box::pin(futures::sink::unfold(write, |mut write, message: Vec<u8>| async move {
        if message.len() > MAX_FRAME {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, BadFrame::TooLong(message.len())));
        }
        let len = u32::try_from(message.len()).map_err(|_| io::ErrorKind::InvalidInput)?;
        write.write_all(&len.to_be_bytes()).await?;
        write.write_all(&message).await?;
        write.flush().await?;
        Ok(write)
    }))
}

/// One frame, or `None` at the end of the stream before a frame began.
async fn read_frame<R: AsyncRead + Unpin>(read: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; 4];
    let mut filled = 0;
    while filled < header.len() {
        let n = read.read(&mut header[filled..]).await?;
        if n == 0 {
            return match filled {
                0 => Ok(None),
                _ => Err(io::ErrorKind::UnexpectedEof.into()),
            };
        }
        filled += n;
    }
    let len = u32::from_be_bytes(header) as usize;
    if len > MAX_FRAME {
        return Err(io::Error::new(io::ErrorKind::InvalidData, BadFrame::TooLong(len)));
    }
    // Grows with what arrives, never reserved up front from the header.
    let mut frame = Vec::with_capacity(len.min(64 << 10));
    AsyncReadExt::take(&mut *read, len as u64).read_to_end(&mut frame).await?;
    if frame.len() < len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(frame))
}

#[cfg(test)]
mod tests;
