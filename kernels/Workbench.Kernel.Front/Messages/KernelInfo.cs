using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record KernelInfoReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("protocol_version")] string ProtocolVersion,
    [property: JsonPropertyName("implementation")] string Implementation,
    [property: JsonPropertyName("implementation_version")] string ImplementationVersion,
    [property: JsonPropertyName("language_info")] LanguageInfo LanguageInfo,
    [property: JsonPropertyName("banner")] string Banner,
    [property: JsonPropertyName("debugger")] bool Debugger,
    [property: JsonPropertyName("help_links")] IReadOnlyList<HelpLink> HelpLinks);

internal sealed record LanguageInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("mimetype")] string MimeType,
    [property: JsonPropertyName("file_extension")] string FileExtension,
    [property: JsonPropertyName("pygments_lexer")] string PygmentsLexer,
    [property: JsonPropertyName("codemirror_mode")] string CodeMirrorMode);

internal sealed record HelpLink(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("url")] string Url);
