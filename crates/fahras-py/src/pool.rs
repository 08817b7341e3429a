//! The thread pool that batch calls run on: fahras's own, not rayon's global
//! one, so a host application's pool is left alone.
//!
//! Its size comes from the call's `n_threads`, then [`set_num_threads`], then
//! `FAHRAS_NUM_THREADS`, then the number of cores. After `fork` (multiprocessing,
//! Dask's and Spark's workers) the parent's threads do not exist in the child:
//! the pools are keyed by process id, and a child abandons the parent's pools
//! (never touching their locks) and builds its own.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::ThreadPool;

/// Threads set by `set_num_threads` (0: not set).
static CHOSEN: AtomicUsize = AtomicUsize::new(0);

/// The pools of this process, by size.
static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

struct Pools {
    pid: u32,
    by_size: HashMap<usize, Arc<ThreadPool>>,
}

fn lock() -> MutexGuard<'static, Option<Pools>> {
    // A panic while building a pool leaves the map as it was: still usable.
    POOLS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The number of threads a batch call runs on.
pub(crate) fn threads(n_threads: Option<usize>) -> PyResult<usize> {
    if let Some(n) = n_threads {
        return if n == 0 {
            Err(PyValueError::new_err("`n_threads` must be at least 1"))
        } else {
            Ok(n)
        };
    }
    let chosen = CHOSEN.load(Ordering::Relaxed);
    if chosen > 0 {
        return Ok(chosen);
    }
    if let Some(n) = std::env::var("FAHRAS_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Ok(n);
    }
    Ok(std::thread::available_parallelism().map_or(1, usize::from))
}

/// Set the default number of threads of batch calls for the whole process.
pub(crate) fn set_threads(n: usize) -> PyResult<()> {
    if n == 0 {
        return Err(PyValueError::new_err(
            "the number of threads must be at least 1",
        ));
    }
    CHOSEN.store(n, Ordering::Relaxed);
    Ok(())
}

/// Run `f` on a pool of `n` threads. Also for one thread: parallel
/// iterators outside a pool would run on rayon's global pool, every core.
pub(crate) fn install<R: Send>(n: usize, f: impl FnOnce() -> R + Send) -> PyResult<R> {
    let pool = pool(n)?;
    Ok(pool.install(f))
}

fn pool(n: usize) -> PyResult<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut guard = lock();
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        // Forked: the parent's pools have no threads here, and dropping them
        // would wait for threads that never answer.
        if let Some(old) = guard.take() {
            std::mem::forget(old);
        }
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        by_size: HashMap::new(),
    });
    if let Some(p) = pools.by_size.get(&n) {
        return Ok(Arc::clone(p));
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("fahras-{i}"))
        .build()
        .map_err(|e| {
            pyo3::exceptions::PyRuntimeError::new_err(format!(
                "cannot start {n} fahras threads: {e}"
            ))
        })?;
    let built = Arc::new(built);
    pools.by_size.insert(n, Arc::clone(&built));
    Ok(built)
}
