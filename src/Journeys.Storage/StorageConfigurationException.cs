namespace Journeys.Storage;

/// <summary>
/// A start-up failure caused by a setting, with a message that names the setting and
/// says what to do. Hosts print it as one line instead of a stack trace.
/// </summary>
public sealed class StorageConfigurationException(string message, Exception? inner = null)
    : Exception(message, inner);
