// STAND-IN for Hexalith.Commons.Configurations (see standin/README.md).
namespace Hexalith.Commons.Configurations;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

/// <summary>
/// A required setting of <typeparamref name="TSettings"/> is missing or invalid.
/// </summary>
/// <typeparam name="TSettings">The settings class.</typeparam>
public class SettingsException<TSettings> : ArgumentException
    where TSettings : ISettings
{
    /// <summary>
    /// Initializes a new instance of the <see cref="SettingsException{TSettings}"/> class.
    /// </summary>
    public SettingsException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SettingsException{TSettings}"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public SettingsException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SettingsException{TSettings}"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public SettingsException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SettingsException{TSettings}"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="paramName">The setting's name.</param>
    /// <param name="innerException">The cause.</param>
    public SettingsException(string? message, string? paramName, Exception? innerException)
        : base(message, paramName, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SettingsException{TSettings}"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="paramName">The setting's name.</param>
    public SettingsException(string? message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>
    /// Throws when a setting is null, or an empty or blank string.
    /// </summary>
    /// <param name="argument">The setting's value.</param>
    /// <param name="paramName">The setting's expression (filled in by the compiler).</param>
    /// <exception cref="SettingsException{TSettings}">The setting is undefined.</exception>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The genuine type has this member.")]
    public static void ThrowIfUndefined([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null || (argument is string text && string.IsNullOrWhiteSpace(text)))
        {
            string setting = string.IsNullOrWhiteSpace(paramName) ? "Unknown" : paramName.Split('.')[^1];
            throw new SettingsException<TSettings>(
                $"The {setting} value is undefined in {TSettings.ConfigurationName()} settings. Argument : {paramName}.",
                paramName);
        }
    }
}
