namespace Lode;

using System.Runtime.InteropServices;
using System.Text.Json;

/// <summary>
/// A bad argument was handed to the store (empty, too long, not UTF-8, out of range, a
/// message of the wrong shape). <see cref="ArgumentException.ParamName"/> names it.
/// </summary>
public sealed class LodeArgumentException : ArgumentException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LodeArgumentException"/> class.
    /// </summary>
    public LodeArgumentException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeArgumentException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public LodeArgumentException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeArgumentException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public LodeArgumentException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeArgumentException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="argument">The argument's name.</param>
    /// <param name="reason">Why it was refused.</param>
    public LodeArgumentException(string? message, string? argument, string? reason)
        : base(message, argument) => Reason = reason;

    /// <summary>
    /// Gets why the argument was refused.
    /// </summary>
    public string? Reason { get; }
}

/// <summary>
/// Bytes that are not what they must be: a message that is not JSON, a stored record that
/// cannot be decoded, a stored message that cannot be read as an <c>EventMessage</c>.
/// </summary>
public sealed class LodeSerializationException : JsonException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LodeSerializationException"/> class.
    /// </summary>
    public LodeSerializationException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeSerializationException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public LodeSerializationException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeSerializationException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public LodeSerializationException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeSerializationException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="key">What could not be decoded (e.g. <c>store 'db/name/id' version 7</c>).</param>
    /// <param name="version">The version concerned, if any.</param>
    /// <param name="reason">What is wrong with it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LodeSerializationException(string? message, string? key, long? version, string? reason, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
        Version = version;
        Reason = reason;
    }

    /// <summary>
    /// Gets what could not be decoded.
    /// </summary>
    public string? Key { get; }

    /// <summary>
    /// Gets the version concerned, if any.
    /// </summary>
    public long? Version { get; }

    /// <summary>
    /// Gets what is wrong with it.
    /// </summary>
    public string? Reason { get; }
}

/// <summary>
/// LMDB or the operating system failed (disk full, map full, permissions). The LMDB / OS error
/// is the <see cref="Exception.InnerException"/>, a <see cref="StorageCauseException"/>.
/// </summary>
public sealed class LodeStorageException : IOException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LodeStorageException"/> class.
    /// </summary>
    public LodeStorageException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeStorageException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public LodeStorageException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeStorageException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public LodeStorageException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeStorageException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="operation">What the store was doing.</param>
    /// <param name="backend">The backend that failed: <c>lmdb</c>, or <c>os</c>.</param>
    /// <param name="storageCode">The backend's number for the failure (LMDB return code, errno), if any.</param>
    /// <param name="storageCodeName">The backend's name for the failure (<c>MDB_MAP_FULL</c>, <c>ENOSPC</c>, ...).</param>
    /// <param name="storageText">The backend's message.</param>
    public LodeStorageException(string? message, string? operation, string? backend, int? storageCode, string? storageCodeName, string? storageText)
        : base(message, new StorageCauseException(storageText, backend, storageCode, storageCodeName))
    {
        Operation = operation;
        Backend = backend;
        StorageCode = storageCode;
        StorageCodeName = storageCodeName;
        StorageText = storageText;
    }

    /// <summary>
    /// Gets what the store was doing.
    /// </summary>
    public string? Operation { get; }

    /// <summary>
    /// Gets the backend that failed: <c>lmdb</c>, or <c>os</c> for a file-system call.
    /// </summary>
    public string? Backend { get; }

    /// <summary>
    /// Gets the backend's number for the failure (LMDB's return code, errno), if it has one.
    /// </summary>
    public int? StorageCode { get; }

    /// <summary>
    /// Gets the backend's name for the failure, e.g. <c>MDB_MAP_FULL</c> or <c>ENOSPC</c>.
    /// </summary>
    public string? StorageCodeName { get; }

    /// <summary>
    /// Gets the backend's message.
    /// </summary>
    public string? StorageText { get; }
}

/// <summary>
/// The LMDB or operating-system error behind a <see cref="LodeStorageException"/> (its
/// <see cref="Exception.InnerException"/>): <see cref="Backend"/>, <see cref="CodeName"/>, and
/// <see cref="ExternalException.ErrorCode"/>, the backend's number (0 when it has none).
/// </summary>
public sealed class StorageCauseException : ExternalException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StorageCauseException"/> class.
    /// </summary>
    public StorageCauseException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StorageCauseException"/> class.
    /// </summary>
    /// <param name="message">The error text.</param>
    public StorageCauseException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StorageCauseException"/> class.
    /// </summary>
    /// <param name="message">The error text.</param>
    /// <param name="innerException">The cause.</param>
    public StorageCauseException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StorageCauseException"/> class.
    /// </summary>
    /// <param name="message">The backend's message.</param>
    /// <param name="backend">The backend (<c>lmdb</c>, <c>os</c>).</param>
    /// <param name="number">The backend's number for the failure, if any.</param>
    /// <param name="codeName">The backend's name for the failure.</param>
    public StorageCauseException(string? message, string? backend, int? number, string? codeName)
        : base(message, number ?? 0)
    {
        Backend = backend;
        Number = number;
        CodeName = codeName;
    }

    /// <summary>
    /// Gets the backend that failed: <c>lmdb</c>, or <c>os</c>.
    /// </summary>
    public string? Backend { get; }

    /// <summary>
    /// Gets the backend's number for the failure (LMDB return code, errno), if it has one.
    /// </summary>
    public int? Number { get; }

    /// <summary>
    /// Gets the backend's name for the failure, e.g. <c>MDB_MAP_FULL</c> or <c>ENOSPC</c>.
    /// </summary>
    public string? CodeName { get; }
}

/// <summary>
/// A call on a provider or store handle that was closed and released.
/// </summary>
public sealed class LodeObjectDisposedException : ObjectDisposedException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LodeObjectDisposedException"/> class.
    /// </summary>
    public LodeObjectDisposedException()
        : base(null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeObjectDisposedException"/> class.
    /// </summary>
    /// <param name="objectName">What was released.</param>
    public LodeObjectDisposedException(string? objectName)
        : base(objectName)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeObjectDisposedException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public LodeObjectDisposedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeObjectDisposedException"/> class.
    /// </summary>
    /// <param name="objectName">What was released.</param>
    /// <param name="message">The error message.</param>
    public LodeObjectDisposedException(string? objectName, string? message)
        : base(objectName, message)
    {
    }
}

/// <summary>
/// A bug inside the library (a caught panic); the process keeps running.
/// </summary>
public sealed class LodeInternalException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LodeInternalException"/> class.
    /// </summary>
    public LodeInternalException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeInternalException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public LodeInternalException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeInternalException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public LodeInternalException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeInternalException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="detail">What went wrong inside.</param>
    public LodeInternalException(string? message, string? detail)
        : base(message) => Detail = detail;

    /// <summary>
    /// Gets what went wrong inside.
    /// </summary>
    public string? Detail { get; }
}
