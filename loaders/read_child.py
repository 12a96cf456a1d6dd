"""The child of read.read_file_guarded: caps its own address space, reads one file, and answers
with a pickled (outcome, value) on stdout: ok, refused, memory, or unexpected (its traceback on
stderr, for the parent's log). The request comes pickled on stdin from our own parent process only
(never from a user)."""
import pickle
import resource
import sys
import traceback


def main() -> None:
    path, data, file, limits, memory_mb = pickle.loads(sys.stdin.buffer.read())
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from loaders.model import FileRefused
    from loaders.read import read_file
    try:
        answer = ("ok", read_file(path, data, name=file, limits=limits))
    except FileRefused as refused:          # sent as problems: the exception's own pickling loses them
        answer = ("refused", refused.problems)
    except MemoryError:
        answer = ("memory", None)
    except Exception:                       # a bug or an unforeseen file: the parent says so
        traceback.print_exc(file=sys.stderr)
        answer = ("unexpected", None)
    sys.stdout.buffer.write(pickle.dumps(answer))


if __name__ == "__main__":
    main()
