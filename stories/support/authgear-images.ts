import { useEffect, type RefObject } from 'react'
import { MSW_AUTHGEAR_ORIGIN, type AuthgearMsw } from '../../test/msw/authgear.ts'

/** A transparent pixel, shown while a picture is fetched from the in-page Authgear. */
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'

/**
 * Shows Authgear's pictures in stories. The stories' Authgear lives in the page
 * (no server, no service worker), so an `<img>` pointing at its origin would
 * never load: each such `<img>` under `container` gets the same bytes as a
 * `blob:` URL, fetched through the in-page stack. React keeps the rewritten
 * `src` because its own `src` prop does not change.
 */
export function useAuthgearImages(stack: AuthgearMsw, container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current
    if (!root) return
    const objectUrls: string[] = []
    const serve = (image: HTMLImageElement) => {
      const original = image.getAttribute('src') ?? ''
      if (!original.startsWith(`${MSW_AUTHGEAR_ORIGIN}/`)) return
      // Replaced at once, before the browser gives up on the unknown host and fires `error`.
      image.src = PLACEHOLDER
      void stack
        .fetch(original)
        .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(`${response.status}`))))
        .then(
          (blob) => {
            const url = URL.createObjectURL(blob)
            objectUrls.push(url)
            image.src = url
          },
          // What Authgear would answer (a 404, a 502 for a non-image): the component's own fallback shows.
          () => image.dispatchEvent(new Event('error')),
        )
    }
    const scan = (node: Node) => {
      if (node instanceof HTMLImageElement) serve(node)
      else if (node instanceof Element) node.querySelectorAll('img').forEach(serve)
    }
    scan(root)
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') scan(record.target)
        else record.addedNodes.forEach(scan)
      }
    })
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] })
    return () => {
      observer.disconnect()
      objectUrls.forEach((url) => URL.revokeObjectURL(url))
    }
  }, [stack, container])
}
