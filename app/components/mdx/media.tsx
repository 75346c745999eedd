import type { ReactNode } from "react";

export function Frame({
  caption,
  hint,
  children,
}: {
  caption?: ReactNode;
  hint?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <figure className="fh-frame">
      {hint ? <p className="fh-frame__hint">{hint}</p> : null}
      <div className="fh-frame__media">{children}</div>
      {caption ? <figcaption className="fh-frame__caption">{caption}</figcaption> : null}
    </figure>
  );
}

const embeddable =
  /^https:\/\/(www\.)?(youtube\.com|youtube-nocookie\.com|player\.vimeo\.com|loom\.com)\//;

export function Video({
  src,
  title = "Video",
  poster,
  autoPlay,
  muted,
  loop,
}: {
  src?: string;
  title?: string;
  poster?: string;
  autoPlay?: boolean;
  muted?: boolean;
  loop?: boolean;
}) {
  if (!src) return null;
  if (embeddable.test(src)) {
    return (
      <div className="fh-video fh-video--embed">
        <iframe
          src={src}
          title={title}
          loading="lazy"
          allow="fullscreen; picture-in-picture"
          allowFullScreen
        />
      </div>
    );
  }
  return (
    <video
      className="fh-video"
      src={src}
      poster={poster}
      controls
      preload="metadata"
      autoPlay={autoPlay}
      muted={muted ?? autoPlay}
      loop={loop}
      playsInline
    >
      <a href={src}>Download the video</a>
    </video>
  );
}

type ImageSource = string | { src?: string; default?: string | { src?: string } } | undefined;

/** A URL from a string, a Next.js static import (`{ src }`) or a CommonJS `require()` (`{ default }`). */
function urlOf(source: ImageSource): string | undefined {
  if (typeof source === "string") return source;
  if (!source) return undefined;
  if (typeof source.default === "string") return source.default;
  return source.src ?? source.default?.src;
}

/** Docusaurus's `@theme/ThemedImage`: the light image, with the dark one when the reader's system is dark. */
export function ThemedImage({
  sources,
  alt = "",
  className,
  width,
  height,
}: {
  sources?: { light?: ImageSource; dark?: ImageSource };
  alt?: string;
  className?: string;
  width?: number | string;
  height?: number | string;
}) {
  const light = urlOf(sources?.light);
  const dark = urlOf(sources?.dark);
  if (!light && !dark) return null;
  return (
    <picture className="fh-themed-image">
      {dark && light ? <source srcSet={dark} media="(prefers-color-scheme: dark)" /> : null}
      <img src={light ?? dark} alt={alt} className={className} width={width} height={height} />
    </picture>
  );
}

/** Docusaurus's `@theme/IdealImage` and Nextra's `ImageZoom`: a plain, lazily loaded image. */
export function IdealImage({
  img,
  src,
  alt = "",
  width,
  height,
}: {
  img?: ImageSource;
  src?: ImageSource;
  alt?: string;
  width?: number | string;
  height?: number | string;
}) {
  const url = urlOf(img ?? src);
  if (!url) return null;
  return (
    <img className="fh-image" src={url} alt={alt} width={width} height={height} loading="lazy" />
  );
}
export const ImageZoom = IdealImage;

/** Nextra's `Bleed`: content wider than the text column (full width with `full`). */
export function Bleed({ full, children }: { full?: boolean; children?: ReactNode }) {
  return <div className={`fh-bleed${full ? " fh-bleed--full" : ""}`}>{children}</div>;
}
