//! Read, work, write: one reading thread, `threads` workers on a rayon
//! pool, and the caller's thread writing. At most a window of documents is
//! in flight, so memory stays bounded whatever the input size; results are
//! written in input order (reproducible runs) unless `ordered` is false.

use std::collections::BTreeMap;

use anyhow::{Context, Result, anyhow};
use crossbeam_channel::{bounded, unbounded};

/// Documents in flight per worker: enough to keep workers busy while a
/// slow document holds up the writer, few enough to bound memory.
const WINDOW_PER_THREAD: usize = 16;

/// Run `read` (which hands items to its callback, in order, until the
/// callback returns `false`), `work` on every item on `threads` workers,
/// and `write` on every result, in item order when `ordered`.
pub(crate) fn run<I, O>(
    threads: usize,
    ordered: bool,
    read: impl FnOnce(&mut dyn FnMut(I) -> bool) -> Result<()> + Send,
    work: impl Fn(I) -> O + Sync,
    mut write: impl FnMut(O) -> Result<()>,
) -> Result<()>
where
    I: Send,
    O: Send,
{
    let threads = threads.max(1);
    let window = WINDOW_PER_THREAD * threads;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("fahras-worker-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    // A token per document in flight: the reader takes one before sending,
    // the writer gives it back once the result is written.
    let (token_tx, token_rx) = bounded::<()>(window);
    for _ in 0..window {
        token_tx
            .send(())
            .map_err(|_| anyhow!("token channel closed"))?;
    }
    let (in_tx, in_rx) = bounded::<(u64, I)>(window);
    let (out_tx, out_rx) = unbounded::<(u64, O)>();
    std::thread::scope(|s| {
        let reader = s.spawn(move || {
            let mut seq = 0u64;
            let mut send = |item: I| {
                if token_rx.recv().is_err() {
                    return false;
                }
                let ok = in_tx.send((seq, item)).is_ok();
                seq += 1;
                ok
            };
            read(&mut send)
        });
        let work = &work;
        s.spawn(move || {
            pool.scope(|ps| {
                for _ in 0..threads {
                    let (in_rx, out_tx) = (in_rx.clone(), out_tx.clone());
                    ps.spawn(move |_| {
                        for (seq, item) in &in_rx {
                            if out_tx.send((seq, work(item))).is_err() {
                                return;
                            }
                        }
                    });
                }
            });
            drop(out_tx);
        });
        let mut result = Ok(());
        let mut tokens = Some(token_tx);
        let mut next = 0u64;
        let mut waiting: BTreeMap<u64, O> = BTreeMap::new();
        let give_back = |tokens: &Option<crossbeam_channel::Sender<()>>| {
            if let Some(t) = tokens {
                t.send(()).ok();
            }
        };
        for (seq, out) in &out_rx {
            if result.is_err() {
                continue; // drain, so the workers can end
            }
            if ordered {
                waiting.insert(seq, out);
                while let Some(out) = waiting.remove(&next) {
                    next += 1;
                    give_back(&tokens);
                    if let Err(e) = write(out) {
                        result = Err(e);
                        break;
                    }
                }
            } else {
                give_back(&tokens);
                result = write(out);
            }
            if result.is_err() {
                // No more tokens: the reader stops at its next document.
                tokens = None;
                waiting.clear();
            }
        }
        drop(tokens);
        let read = reader
            .join()
            .map_err(|_| anyhow!("the reading thread panicked"))?;
        result.and(read)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squares(threads: usize, ordered: bool, n: u64) -> Vec<u64> {
        let mut out = Vec::new();
        run(
            threads,
            ordered,
            |send| {
                for i in 0..n {
                    if !send(i) {
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
                out.push(o);
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
    fn a_failing_writer_stops_the_reader() {
        let mut read = 0;
        let err = run(
            2,
            true,
            |send| {
                for i in 0..1_000_000u64 {
                    if !send(i) {
                        break;
                    }
                    read += 1;
                }
                Ok(())
            },
            |i: u64| i,
            |i| {
                if i == 10 {
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
