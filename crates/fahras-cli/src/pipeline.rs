//! Read, work, write: one reading thread, `threads` workers on a rayon
//! pool, and the caller's thread writing. At most a window of documents is
//! in flight, so memory stays bounded whatever the input size; results are
//! written in input order (reproducible runs) unless `ordered` is false.
//!
//! Documents travel in batches: handing them over one by one woke a
//! sleeping thread twice per document (`perf`: a tenth of a one-thread run
//! went to the scheduler), while a batch of a few dozen costs the same two
//! wake-ups for all of them. A live stream (`tail -f feed | fahras extract -`)
//! must not wait for a batch to fill: the reader sends what it holds before
//! it blocks on its input ([`Sink::flush`]), and the writer is told when
//! nothing more is ready, so it can flush its output, and again every
//! second while nothing comes, so it can commit what it holds.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;

use anyhow::{Context, Result, anyhow};
use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, bounded, unbounded};

/// Batches in flight per worker: enough to keep workers busy while a slow
/// batch holds up the writer, few enough to bound memory.
const WINDOW_PER_THREAD: usize = 4;
/// A batch is sent once it holds this many items…
const BATCH_ITEMS: usize = 64;
/// …or this many bytes, so a window of batches stays small however large
/// the documents (one over the limit travels alone).
const BATCH_BYTES: usize = 64 * 1024;

/// How often a writer waiting for results hears that it is idle.
const TICK: std::time::Duration = std::time::Duration::from_secs(1);

/// How much of the window an item takes: its text's length in bytes.
pub(crate) trait Weigh {
    /// The item's size in bytes, roughly.
    fn weight(&self) -> usize;
}

/// The reader's side: items gathered into batches, each sent once a window
/// token is free.
struct Batcher<I> {
    tokens: Receiver<()>,
    tx: Sender<(u64, Vec<I>)>,
    seq: u64,
    batch: Vec<I>,
    bytes: usize,
    /// False once the writer has stopped taking batches.
    open: bool,
}

impl<I: Weigh> Batcher<I> {
    /// Add an item; false when the run is over and reading should stop.
    fn push(&mut self, item: I) -> bool {
        self.bytes += item.weight();
        self.batch.push(item);
        if self.batch.len() >= BATCH_ITEMS || self.bytes >= BATCH_BYTES {
            self.flush();
        }
        self.open
    }

    /// Send what is gathered, waiting for a token.
    fn flush(&mut self) {
        if self.batch.is_empty() || !self.open {
            return;
        }
        self.bytes = 0;
        let batch = std::mem::take(&mut self.batch);
        self.open = self.tokens.recv().is_ok() && self.tx.send((self.seq, batch)).is_ok();
        self.seq += 1;
    }
}

/// Where the reader hands its items.
pub(crate) struct Sink<I>(RefCell<Batcher<I>>);

impl<I: Weigh> Sink<I> {
    /// Add an item; false when the run is over and reading should stop.
    pub fn push(&self, item: I) -> bool {
        self.0.borrow_mut().push(item)
    }

    /// Send the items gathered so far without waiting for a full batch:
    /// for a reader about to wait on a slow input.
    pub fn flush(&self) {
        self.0.borrow_mut().flush();
    }
}

/// Run `read` (which hands items to the [`Sink`], in order, until `push`
/// returns `false`), `work` on every item on `threads` workers, and `write`
/// on every result, in item order when `ordered`. `write` also gets `None`
/// whenever no further result is ready: the moment to flush its output.
pub(crate) fn run<I, O>(
    threads: usize,
    ordered: bool,
    read: impl FnOnce(&Sink<I>) -> Result<()> + Send,
    work: impl Fn(I) -> O + Sync,
    mut write: impl FnMut(Option<O>) -> Result<()>,
) -> Result<()>
where
    I: Send + Weigh,
    O: Send,
{
    let threads = threads.max(1);
    let window = WINDOW_PER_THREAD * threads;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("fahras-worker-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    // A token per batch in flight: the reader takes one before sending,
    // the writer gives it back once the batch is written.
    let (token_tx, token_rx) = bounded::<()>(window);
    for _ in 0..window {
        token_tx
            .send(())
            .map_err(|_| anyhow!("token channel closed"))?;
    }
    let (in_tx, in_rx) = bounded::<(u64, Vec<I>)>(window);
    // `Err` for a batch whose work panicked: a bug, but one that must end
    // the run with an error instead of leaving the writer waiting forever
    // for a batch that will never come.
    let (out_tx, out_rx) = unbounded::<(u64, std::thread::Result<Vec<O>>)>();
    std::thread::scope(|s| {
        let reader = s.spawn(move || {
            let sink = Sink(RefCell::new(Batcher {
                tokens: token_rx,
                tx: in_tx,
                seq: 0,
                batch: Vec::new(),
                bytes: 0,
                open: true,
            }));
            let read = read(&sink);
            sink.flush();
            read
        });
        let work = &work;
        s.spawn(move || {
            pool.scope(|ps| {
                for _ in 0..threads {
                    let (in_rx, out_tx) = (in_rx.clone(), out_tx.clone());
                    ps.spawn(move |_| {
                        for (seq, batch) in &in_rx {
                            let done = std::panic::catch_unwind(AssertUnwindSafe(|| {
                                batch.into_iter().map(work).collect()
                            }));
                            if out_tx.send((seq, done)).is_err() {
                                return;
                            }
                        }
                    });
                }
            });
            drop(out_tx);
        });
        let result = write_results(&out_rx, ordered, token_tx, &mut write);
        let read = reader
            .join()
            .map_err(|_| anyhow!("the reading thread panicked"))?;
        result.and(read)
    })
}

/// The writer's side of [`run`]: results in input order (or as they come),
/// and `write(None)` whenever nothing more is ready and every [`TICK`] while
/// nothing comes. After an error it drains the workers' results, and the
/// tokens it drops stop the reader at its next batch.
fn write_results<O>(
    out_rx: &Receiver<(u64, std::thread::Result<Vec<O>>)>,
    ordered: bool,
    tokens: Sender<()>,
    write: &mut dyn FnMut(Option<O>) -> Result<()>,
) -> Result<()> {
    let mut result = Ok(());
    let mut tokens = Some(tokens);
    let mut next = 0u64;
    let mut waiting: BTreeMap<u64, Vec<O>> = BTreeMap::new();
    loop {
        let got = match out_rx.recv_timeout(TICK) {
            Ok(got) => Some(got),
            Err(RecvTimeoutError::Disconnected) => return result,
            Err(RecvTimeoutError::Timeout) => None,
        };
        if result.is_err() {
            continue; // drain, so the workers can end
        }
        result = match got {
            // A quiet input: the writer hears it is idle every tick, so
            // time-based work (a commit) happens without new input.
            None => write(None),
            // The panic's message is on stderr already.
            Some((_, Err(_))) => Err(anyhow!(
                "stopped: the work on a document panicked (a bug in fahras, please report it with the message above); the documents before it were written"
            )),
            Some((seq, Ok(batch))) => {
                let mut r = Ok(());
                if ordered {
                    waiting.insert(seq, batch);
                    while r.is_ok() {
                        let Some(batch) = waiting.remove(&next) else {
                            break;
                        };
                        next += 1;
                        r = write_batch(batch, tokens.as_ref(), write);
                    }
                } else {
                    r = write_batch(batch, tokens.as_ref(), write);
                }
                if r.is_ok() && out_rx.is_empty() {
                    r = write(None);
                }
                r
            }
        };
        if result.is_err() {
            tokens = None;
            waiting.clear();
        }
    }
}

/// A written batch gives its token back, so the reader may send another.
fn write_batch<O>(
    batch: Vec<O>,
    tokens: Option<&Sender<()>>,
    write: &mut dyn FnMut(Option<O>) -> Result<()>,
) -> Result<()> {
    if let Some(t) = tokens {
        t.send(()).ok();
    }
    batch.into_iter().try_for_each(|o| write(Some(o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Weigh for u64 {
        fn weight(&self) -> usize {
            // Every 100th item is "large", so batches close on bytes too.
            if self % 100 == 0 { BATCH_BYTES } else { 8 }
        }
    }

    fn squares(threads: usize, ordered: bool, n: u64) -> Vec<u64> {
        let mut out = Vec::new();
        run(
            threads,
            ordered,
            |sink| {
                for i in 0..n {
                    if !sink.push(i) {
                        break;
                    }
                }
                Ok(())
            },
            |i: u64| {
                // Uneven work, so results come back out of order.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * i
            },
            |o| {
                out.extend(o);
                Ok(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn results_come_in_input_order() {
        let want: Vec<u64> = (0..500).map(|i| i * i).collect();
        assert_eq!(squares(1, true, 500), want);
        assert_eq!(squares(3, true, 500), want);
        let mut any = squares(3, false, 500);
        any.sort_unstable();
        assert_eq!(any, want);
    }

    #[test]
    fn a_flush_sends_a_partial_batch_and_the_writer_hears_when_idle() {
        use std::sync::mpsc::channel;
        use std::time::Duration;
        let (idle_tx, idle_rx) = channel();
        let mut last = None;
        run(
            1,
            true,
            move |sink| {
                for i in 1..=3u64 {
                    // Far from a full batch: only the flush sends it.
                    sink.push(i);
                    sink.flush();
                    // Like a reader waiting on a live stream for the next
                    // line: the writer must have the result, and hear that
                    // nothing more is ready, before that line arrives.
                    let got = idle_rx.recv_timeout(Duration::from_secs(120));
                    assert_eq!(got, Ok(i * i));
                }
                Ok(())
            },
            |i: u64| i * i,
            |o| {
                match o {
                    Some(v) => last = Some(v),
                    // Only the first idle after a result speaks: ticks on a
                    // slow machine may bring more.
                    None => {
                        if let Some(v) = last.take() {
                            idle_tx.send(v)?;
                        }
                    }
                }
                Ok(())
            },
        )
        .unwrap();
    }

    #[test]
    fn a_panicking_worker_ends_the_run_with_an_error_not_a_hang() {
        for (threads, ordered) in [(1, true), (2, true), (2, false)] {
            let mut written = Vec::new();
            let err = run(
                threads,
                ordered,
                |sink| {
                    for i in 0..100_000u64 {
                        if !sink.push(i) {
                            break;
                        }
                    }
                    Ok(())
                },
                |i: u64| {
                    assert!(i != 1000, "a bug on document {i}");
                    i
                },
                |o| {
                    written.extend(o);
                    Ok(())
                },
            )
            .unwrap_err();
            assert!(err.to_string().contains("panicked"), "{err}");
            assert!(!written.contains(&1000));
            if ordered {
                // Everything before the batch that failed, in order.
                assert!(written.iter().copied().eq(0..written.len() as u64));
            }
        }
    }

    #[test]
    fn a_failing_writer_stops_the_reader() {
        let mut read = 0;
        let err = run(
            2,
            true,
            |sink| {
                for i in 0..1_000_000u64 {
                    if !sink.push(i) {
                        break;
                    }
                    read += 1;
                }
                Ok(())
            },
            |i: u64| i,
            |i| {
                if i == Some(10) {
                    Err(anyhow!("disk full"))
                } else {
                    Ok(())
                }
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert!(read < 1000, "the reader went on: {read}");
    }
}
