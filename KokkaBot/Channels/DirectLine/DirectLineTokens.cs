using System.Security.Cryptography;
using System.Text;
using KokkaBot.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KokkaBot.Channels.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, string? UserName);

/// <summary>The outcome of checking a request's credentials.</summary>
public sealed record DirectLineCaller(bool IsSecret, DirectLineGrant? Grant)
{
    public static DirectLineCaller Secret { get; } = new(true, null);

    /// <summary>True when this caller may act in the conversation.</summary>
    public bool MayUse(string conversationId) => IsSecret || Grant?.ConversationId == conversationId;
}

public enum TokenCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// The Direct Line secret and the tokens it mints. Tokens are JWTs (HS256, signed with a key derived
/// from the secret) that carry the conversation and the user; DirectLineJS reads the <c>user</c>
/// claim to keep posting as that user.
/// </summary>
public sealed partial class DirectLineTokens
{
    private const string Issuer = "kokkabot-directline";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";
    private const string NameClaim = "name";

    private readonly byte[] _secret;
    private readonly SymmetricSecurityKey _signingKey;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options, DataFolder data, TimeProvider clock, ILogger<DirectLineTokens> logger)
    {
        _clock = clock;
        _lifetime = options.Value.TokenLifetime;
        _secret = Encoding.UTF8.GetBytes(ResolveSecret(options.Value.Secret, data, logger));
        // A derived key: the secret itself never signs anything, so a token leaks nothing about it.
        _signingKey = new SymmetricSecurityKey(HMACSHA256.HashData(_secret, "kokkabot/directline/token-signing"u8));
    }

    public int ExpiresInSeconds => (int)_lifetime.TotalSeconds;

    public bool IsSecret(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(bytes, _secret);
    }

    /// <summary>An HMAC of <paramref name="data"/> under a key derived from the secret (for values the web page keeps).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_signingKey.Key, data);

    public string Issue(DirectLineGrant grant)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [ConversationClaim] = grant.ConversationId,
            [UserClaim] = grant.UserId,
        };
        if (grant.UserName is not null)
            claims[NameClaim] = grant.UserName;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<(TokenCheck Check, DirectLineGrant? Grant)> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _signingKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > _clock.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException
                ? (TokenCheck.Expired, null)
                : (TokenCheck.Invalid, null);
        }

        var claims = result.ClaimsIdentity;
        var conversation = claims.FindFirst(ConversationClaim)?.Value;
        var user = claims.FindFirst(UserClaim)?.Value;
        if (conversation is null || user is null)
            return (TokenCheck.Invalid, null);
        return (TokenCheck.Valid, new DirectLineGrant(conversation, user, claims.FindFirst(NameClaim)?.Value));
    }

    private static string ResolveSecret(string? configured, DataFolder data, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;

        var path = Path.Combine(data.Path, "directline-secret");
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();

        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new StreamWriter(path, Encoding.UTF8, options);
            file.Write(secret);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
        LogGeneratedSecret(logger, path);
        return secret;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No DirectLine:Secret configured: generated a development secret in {Path}. Set DirectLine:Secret in production.")]
    private static partial void LogGeneratedSecret(ILogger logger, string path);
}
