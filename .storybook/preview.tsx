import type { Preview } from '@storybook/react-vite'
import '../src/styles.css'

const preview: Preview = {
  parameters: {
    // An accessibility violation fails the story's test, not just the panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: {
        order: [
          'Docs',
          ['Getting started', 'Wiring the proxy', 'Direct versus proxied upload', 'Styling', 'Languages', 'Errors'],
          'AvatarEditor',
          'UserPictureEditor',
        ],
      },
    },
  },
}

export default preview
